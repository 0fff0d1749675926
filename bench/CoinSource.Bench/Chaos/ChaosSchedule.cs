namespace CoinSource.Bench.Chaos;

/// <summary>
/// Which source fails how, and when: each scheduled source goes through a cycle of episodes (fail for a while,
/// then answer again), staggered so that the sources do not all fail at once, and together they deal out every
/// failure kind. The schedule is the one source of truth for the health transitions the run must show.
/// </summary>
public sealed class ChaosSchedule
{
    public const string Healthy = "Healthy";
    public const string Degraded = "Degraded";
    public const string Offline = "Offline";

    /// <summary>
    /// How long each failure lasts: long enough for three failed calls under the run's load, even when each
    /// call hangs for the 1 s attempt timeout and the clients queue behind one hung call after another (every
    /// client soon waits on the same pinned quote, so hung calls fail one at a time).
    /// </summary>
    public static readonly TimeSpan FailFor = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A whole episode. The healthy part leaves room for the recovery: a probe that started before the healing
    /// may still hang for the 1 s attempt timeout, then the 2 s cooldown, the prober's 1 s tick and the probe.
    /// </summary>
    public static readonly TimeSpan Episode = TimeSpan.FromSeconds(12);

    /// <summary>Offset between the sources' cycles.</summary>
    public static readonly TimeSpan Stagger = TimeSpan.FromSeconds(2);

    private ChaosSchedule(IReadOnlyList<ChaosEpisode> episodes, IReadOnlyList<string> sources)
    {
        Episodes = episodes;
        Sources = sources;
    }

    public IReadOnlyList<ChaosEpisode> Episodes { get; }

    public IReadOnlyList<string> Sources { get; }

    /// <summary>Every episode that fits in <paramref name="duration"/>; the kinds are dealt out in order.</summary>
    public static ChaosSchedule For(IReadOnlyList<string> sources, TimeSpan duration)
    {
        List<ChaosEpisode> episodes = [];
        int dealt = 0;
        for (int s = 0; s < sources.Count; s++)
        {
            for (var start = Stagger * s; start + Episode <= duration; start += Episode)
            {
                var kind = ChaosKind.All[dealt++ % ChaosKind.All.Count];
                episodes.Add(new ChaosEpisode(sources[s], kind, start, start + FailFor, start + Episode));
            }
        }

        return new ChaosSchedule(episodes, sources);
    }

    /// <summary>The failure kinds that got an episode.</summary>
    public IReadOnlyList<string> KindsCovered => [.. Episodes.Select(e => e.Kind.Name).Distinct()];

    /// <summary>The transitions a source must show, in order, by the health rules.</summary>
    public IReadOnlyList<ExpectedStep> Expected(string source) =>
    [
        .. Episodes.Where(e => e.Source == source).OrderBy(e => e.Start).SelectMany(e => e.Kind.Effect switch
        {
            ChaosEffect.Outage =>
            [
                new ExpectedStep(Healthy, Degraded), new ExpectedStep(Degraded, Offline),
                new ExpectedStep(Offline, Healthy),
            ],
            ChaosEffect.Flap => [new ExpectedStep(Healthy, Degraded, Repeats: true)],
            _ => Array.Empty<ExpectedStep>(),
        }),
    ];

    /// <summary>The episodes that have started by <paramref name="elapsed"/> and not yet healed.</summary>
    public IEnumerable<ChaosEpisode> FailingAt(TimeSpan elapsed) =>
        Episodes.Where(e => e.Start <= elapsed && elapsed < e.Heal);

    /// <summary>Whether <paramref name="observed"/> (from, to pairs in order) is exactly what the steps expect.</summary>
    public static bool Matches(IReadOnlyList<ExpectedStep> expected, IReadOnlyList<(string From, string To)> observed)
    {
        int o = 0;
        foreach (var step in expected)
        {
            if (!step.Repeats)
            {
                if (o >= observed.Count || observed[o] != (step.From, step.To))
                {
                    return false;
                }

                o++;
                continue;
            }

            int trips = 0;
            while (o + 1 < observed.Count && observed[o] == (step.From, step.To) && observed[o + 1] == (step.To, step.From))
            {
                o += 2;
                trips++;
            }

            if (trips == 0)
            {
                return false;
            }
        }

        return o == observed.Count;
    }
}
