using CoinSource.Caching;
using CoinSource.Routing;
using CoinSource.Sources;
using Microsoft.Extensions.Options;

namespace CoinSource.Sentiment;

/// <summary>
/// The Fear &amp; Greed index through the cache and the router: Alternative.me's index first, CoinMarketCap's own
/// index when its key is configured (the answer names which one served), and when every source fails the cache's
/// last good reading, served as stale with its age.
/// </summary>
public sealed class FearGreedService(
    MarketCache cache,
    SourceRouter router,
    SourceCatalog catalog,
    IOptionsMonitor<CacheOptions> options)
{
    public const int MaxDays = 365;

    public IReadOnlyList<IFearGreedSource> Sources => catalog.FearGreed;

    public Task<CachedResult<FearGreedIndex>> GetAsync(int days, CancellationToken cancellationToken)
    {
        string subject = days == 1 ? "latest" : $"last {days} days";
        return cache.GetAsync(Capability.FearGreed, $"fear-greed|{days}", options.CurrentValue.FearGreedTtl,
            token => router.RouteAsync(Capability.FearGreed, subject, catalog.FearGreed,
                async (source, t) => (await source.GetFearGreedAsync(days, t)).Map(r => ToIndex(r, days)), token),
            cancellationToken);
    }

    private static FearGreedIndex ToIndex(IReadOnlyList<FearGreedReading> readings, int days) =>
        new(readings[0], [.. readings.Take(days)]);
}
