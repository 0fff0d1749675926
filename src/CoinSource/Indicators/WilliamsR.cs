namespace CoinSource.Indicators;

/// <summary>
/// Williams %R = -100 * (highest high - close) / (highest high - lowest low) over <c>period</c> candles, from 0 (close
/// at the high) to -100 (close at the low); null when the window has no range.
/// </summary>
public sealed class WilliamsR : IIndicatorState<WilliamsRResult>
{
    private readonly RollingWindow _highs;
    private readonly RollingWindow _lows;

    public WilliamsR(int period = 14)
    {
        _highs = new RollingWindow(period);
        _lows = new RollingWindow(period);
    }

    public static int RequiredCandles(int period) => period;

    public static WilliamsRResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 14) =>
        Batch.Run<WilliamsR, WilliamsRResult>(new WilliamsR(period), bars);

    public WilliamsRResult Add(in Bar bar)
    {
        _highs.Add(bar.High);
        _lows.Add(bar.Low);
        if (!_highs.IsFull)
        {
            return new WilliamsRResult(bar.Time, null);
        }

        double highest = _highs.Max();
        return new WilliamsRResult(bar.Time, -Num.Percent(highest - bar.Close, highest - _lows.Min()));
    }
}
