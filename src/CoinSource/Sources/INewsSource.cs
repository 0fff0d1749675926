using CoinSource.News;
using CoinSource.SafeHttp;

namespace CoinSource.Sources;

/// <summary>A source of news headlines: one feed.</summary>
public interface INewsSource : IMarketSource
{
    /// <summary>The feed's current items, markup removed, each with a web link and a published time.</summary>
    Task<UpstreamResult<IReadOnlyList<NewsItem>>> GetNewsAsync(CancellationToken cancellationToken);
}
