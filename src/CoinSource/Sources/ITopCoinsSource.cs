using CoinSource.Market;
using CoinSource.SafeHttp;

namespace CoinSource.Sources;

/// <summary>A source of the market-cap ranking.</summary>
public interface ITopCoinsSource : IMarketSource
{
    bool SupportsQuote(string quoteCurrency);

    Task<UpstreamResult<IReadOnlyList<TopCoin>>> GetTopCoinsAsync(int limit, string quoteCurrency,
        CancellationToken cancellationToken);
}
