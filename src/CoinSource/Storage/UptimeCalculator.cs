namespace CoinSource.Storage;

/// <summary>Time-weighted uptime and latency percentiles of one source over one window.</summary>
public static class UptimeCalculator
{
    private const string Healthy = "Healthy";
    private const string Degraded = "Degraded";

    /// <param name="transitions">The source's state changes, oldest first; may include ones before the window.</param>
    /// <param name="attempts">The source's attempts, any time; those inside the window count.</param>
    /// <param name="from">The window's start.</param>
    /// <param name="now">The window's end.</param>
    public static UptimeWindow Compute(IReadOnlyList<StoredTransition> transitions,
        IReadOnlyList<StoredAttempt> attempts, DateTimeOffset from, DateTimeOffset now)
    {
        var inWindow = attempts.Where(a => a.At >= from && a.At <= now).ToList();
        var (coveredFrom, state) = StartOfCover(transitions, inWindow, from);
        Dictionary<string, double> seconds = new(StringComparer.Ordinal);
        if (coveredFrom is { } cursor)
        {
            foreach (var change in transitions.Where(t => t.At >= from && t.At <= now))
            {
                Add(seconds, state, (change.At - cursor).TotalSeconds);
                (cursor, state) = (change.At, change.To);
            }

            Add(seconds, state, (now - cursor).TotalSeconds);
        }

        double healthy = seconds.GetValueOrDefault(Healthy);
        double degraded = seconds.GetValueOrDefault(Degraded);
        double covered = seconds.Values.Sum();
        double offline = covered - healthy - degraded;
        var latencies = inWindow.Select(a => a.LatencyMs).Order().ToArray();
        return new UptimeWindow(
            covered > 0 ? Math.Round((healthy + degraded) / covered * 100, 3) : null,
            Math.Round(covered, 1), Math.Round(healthy, 1), Math.Round(degraded, 1), Math.Round(offline, 1),
            inWindow.Count, inWindow.Count(a => !a.Success),
            Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99));
    }

    /// <summary>Nearest-rank percentile of sorted values: an observed latency, never an interpolated one.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        int rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 1);
    }

    /// <summary>
    /// Where the known part of the window begins, and the state there: the window's start when a change before it
    /// says the state; otherwise the first record inside it (a source starts HEALTHY until it changes).
    /// </summary>
    private static (DateTimeOffset? From, string State) StartOfCover(IReadOnlyList<StoredTransition> transitions,
        List<StoredAttempt> attempts, DateTimeOffset from)
    {
        if (transitions.LastOrDefault(t => t.At < from) is { } before)
        {
            return (from, before.To);
        }

        var firstChange = transitions.FirstOrDefault(t => t.At >= from);
        DateTimeOffset? firstAttempt = attempts.Count > 0 ? attempts[0].At : null;
        DateTimeOffset? start = (firstChange?.At, firstAttempt) switch
        {
            ({ } change, { } attempt) => change < attempt ? change : attempt,
            (var change, var attempt) => change ?? attempt,
        };
        return (start, firstChange?.From ?? Healthy);
    }

    private static void Add(Dictionary<string, double> seconds, string state, double duration) =>
        seconds[state] = seconds.GetValueOrDefault(state) + Math.Max(0, duration);
}
