namespace CoinSource.Indicators;

/// <summary>
/// Volume-weighted average price, anchored at the first candle of the series: sum(typical price * volume) /
/// sum(volume). Null while no volume has traded.
/// </summary>
public sealed class Vwap : IIndicatorState<VwapResult>
{
    private double _priceVolume;
    private double _volume;

    public static int RequiredCandles() => 1;

    public static VwapResult[] Calculate(ReadOnlySpan<Bar> bars) => Batch.Run<Vwap, VwapResult>(new Vwap(), bars);

    public VwapResult Add(in Bar bar)
    {
        _priceVolume += bar.Typical * bar.Volume;
        _volume += bar.Volume;
        return new VwapResult(bar.Time, Num.Ratio(_priceVolume, _volume));
    }
}
