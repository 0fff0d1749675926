using System.Data.Common;

namespace CoinSource.Storage;

/// <summary>
/// Every source's uptime over the last 24 hours and 7 days, read from the store on the injected clock. Null when
/// the store cannot be read: the figures need the history, and the rest of the health API does not.
/// </summary>
public sealed partial class UptimeService(IMarketStore store, TimeProvider time, ILogger<UptimeService> logger)
{
    public static readonly TimeSpan Day = TimeSpan.FromHours(24);
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public async Task<SourceUptime?> OneAsync(string source, CancellationToken cancellationToken) =>
        (await ComputeAsync([source], source, cancellationToken))?[source];

    public Task<IReadOnlyDictionary<string, SourceUptime>?> AllAsync(IEnumerable<string> sources,
        CancellationToken cancellationToken) => ComputeAsync(sources, null, cancellationToken);

    private async Task<IReadOnlyDictionary<string, SourceUptime>?> ComputeAsync(IEnumerable<string> sources,
        string? only, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        IReadOnlyList<StoredTransition> transitions;
        IReadOnlyList<StoredAttempt> attempts;
        try
        {
            transitions = await store.TransitionsAsync(now - Week, cancellationToken, only);
            attempts = await store.AttemptsAsync(now - Week, cancellationToken, only);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, store.Description, e.Message);
            return null;
        }

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

    [LoggerMessage(EventId = 6011, EventName = "UptimeUnreadable", Level = LogLevel.Warning,
        Message = "storage {Store} could not be read for uptime figures: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string store, string reason);
}
