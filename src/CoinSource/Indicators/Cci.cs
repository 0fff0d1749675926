namespace CoinSource.Indicators;

/// <summary>
/// Lambert's Commodity Channel Index: (typical price - SMA of it) / (0.015 * mean absolute deviation), over
/// <c>period</c> candles; null when every typical price in the window is the same (no deviation).
/// </summary>
public sealed class Cci : IIndicatorState<CciResult>
{
    private const double Constant = 0.015;
    private readonly RollingWindow _typical;

    public Cci(int period = 20) => _typical = new RollingWindow(period);

    public static int RequiredCandles(int period) => period;

    public static CciResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 20) =>
        Batch.Run<Cci, CciResult>(new Cci(period), bars);

    public CciResult Add(in Bar bar)
    {
        double typical = bar.Typical;
        _typical.Add(typical);
        if (_typical.Mean is not { } mean)
        {
            return new CciResult(bar.Time, null);
        }

        return new CciResult(bar.Time, Num.Ratio(typical - mean, Constant * _typical.MeanDeviation(mean)));
    }
}
