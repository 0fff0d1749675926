using CoinSource.Market;

namespace CoinSource.Indicators;

/// <summary>One candle in doubles: indicators convert the decimal candles once, at the edge, and compute in double.</summary>
public readonly record struct Bar(DateTimeOffset Time, double Open, double High, double Low, double Close, double Volume)
{
    public static Bar From(Candle candle) => new(candle.OpenTime, (double)candle.Open, (double)candle.High,
        (double)candle.Low, (double)candle.Close, (double)candle.Volume);

    public static Bar[] From(IReadOnlyList<Candle> candles)
    {
        var bars = new Bar[candles.Count];
        for (int i = 0; i < bars.Length; i++)
        {
            bars[i] = From(candles[i]);
        }

        return bars;
    }

    /// <summary>(high + low + close) / 3, the price CCI and VWAP use.</summary>
    public double Typical => (High + Low + Close) / 3;
}
