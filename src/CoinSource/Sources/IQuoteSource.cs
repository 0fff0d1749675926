using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Symbols;

namespace CoinSource.Sources;

/// <summary>A source of the latest price of one pair.</summary>
public interface IQuoteSource : IMarketSource
{
    /// <summary>Whether this source can be asked for the pair at all (its quote currency, a known id).</summary>
    bool Supports(AssetPair pair);

    Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken);
}
