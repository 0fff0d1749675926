namespace CoinSource.Storage;

/// <summary>Every source's uptime over the last 24 hours and 7 days, read from the store on the injected clock.</summary>
public sealed class UptimeService(IMarketStore store, TimeProvider time)
{
    public static readonly TimeSpan Day = TimeSpan.FromHours(24);
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public async Task<SourceUptime> OneAsync(string source, CancellationToken cancellationToken) =>
        (await ComputeAsync([source], source, cancellationToken))[source];

    public Task<IReadOnlyDictionary<string, SourceUptime>> AllAsync(IEnumerable<string> sources,
        CancellationToken cancellationToken) => ComputeAsync(sources, null, cancellationToken);

    private async Task<IReadOnlyDictionary<string, SourceUptime>> ComputeAsync(IEnumerable<string> sources,
        string? only, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        var transitions = await store.TransitionsAsync(now - Week, cancellationToken, only);
        var attempts = await store.AttemptsAsync(now - Week, cancellationToken, only);
        var changesBySource = transitions.ToLookup(t => t.Source, StringComparer.OrdinalIgnoreCase);
        var attemptsBySource = attempts.ToLookup(a => a.Source, StringComparer.OrdinalIgnoreCase);
        return sources.ToDictionary(s => s, s =>
        {
            var changes = changesBySource[s].ToList();
            var calls = attemptsBySource[s].ToList();
            return new SourceUptime(s, UptimeCalculator.Compute(changes, calls, now - Day, now),
                UptimeCalculator.Compute(changes, calls, now - Week, now));
        }, StringComparer.OrdinalIgnoreCase);
    }
}
