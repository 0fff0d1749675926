using CoinSource.Symbols;

namespace CoinSource.Market;

/// <summary>
/// Which candles a caller wants: the latest <see cref="Limit"/> candles of <see cref="Pair"/> that open at or after
/// <see cref="Start"/> and at or before <see cref="End"/> (both optional).
/// </summary>
public sealed record CandleQuery(AssetPair Pair, CandleInterval Interval, int Limit, DateTimeOffset? Start,
    DateTimeOffset? End)
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;
}
