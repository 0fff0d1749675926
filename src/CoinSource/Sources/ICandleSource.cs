using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Symbols;

namespace CoinSource.Sources;

/// <summary>A source of OHLCV candles.</summary>
public interface ICandleSource : IMarketSource
{
    bool Supports(AssetPair pair, CandleInterval interval);

    /// <summary>Candles oldest first, unique open times, every candle within the query's range.</summary>
    Task<UpstreamResult<IReadOnlyList<Candle>>> GetCandlesAsync(CandleQuery query, CancellationToken cancellationToken);
}
