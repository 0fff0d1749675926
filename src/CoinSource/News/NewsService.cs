using CoinSource.Caching;
using CoinSource.Routing;
using CoinSource.Sources;
using CoinSource.Storage;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.News;

/// <summary>
/// Headlines from every enabled feed at once. Each feed is its own source, routed alone and cached alone, so one
/// feed that fails costs its own stories only (or serves its last good ones, stale) and never the others'.
/// </summary>
public sealed class NewsService(
    MarketCache cache,
    SourceRouter router,
    SourceCatalog catalog,
    IOptionsMonitor<CacheOptions> options,
    MarketHistory history)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public IReadOnlyList<INewsSource> Feeds => [.. catalog.News.Where(f => catalog.IsEnabled(f.Name))];

    public async Task<NewsDigest> GetNewsAsync(Asset? asset, int limit, CancellationToken cancellationToken)
    {
        var feeds = await Task.WhenAll(Feeds.Select(feed => FeedAsync(feed, cancellationToken)));
        var items = feeds.Where(f => f.HasValue).SelectMany(f => f.Value!);
        return new NewsDigest(NewsMerge.Merge(items, asset, limit), feeds);
    }

    private Task<CachedResult<IReadOnlyList<NewsItem>>> FeedAsync(INewsSource feed, CancellationToken cancellationToken) =>
        cache.GetAsync(Capability.News, $"news|{feed.Name}", options.CurrentValue.NewsTtl,
            token => history.KeepingAsync(router.RouteAsync(Capability.News, feed.Name, [feed],
                (source, t) => source.GetNewsAsync(t), token), MarketHistory.NewsWrite),
            cancellationToken);
}
