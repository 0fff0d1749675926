namespace CoinSource.Indicators;

/// <summary>
/// Chande and Kroll's Stochastic RSI: the stochastic formula applied to Wilder's RSI over <c>stochPeriod</c> values,
/// scaled 0 to 100, then smoothed by SMA(<c>kSmooth</c>) into %K and SMA(<c>dSmooth</c>) into %D. An RSI that did not
/// move over the window has no value (null).
/// </summary>
public sealed class StochRsi : IIndicatorState<StochRsiResult>
{
    private readonly Rsi _rsi;
    private readonly RollingWindow _rsiWindow;
    private readonly RollingWindow _raw;
    private readonly RollingWindow _k;

    public StochRsi(int rsiPeriod = 14, int stochPeriod = 14, int kSmooth = 3, int dSmooth = 3)
    {
        _rsi = new Rsi(rsiPeriod);
        _rsiWindow = new RollingWindow(stochPeriod);
        _raw = new RollingWindow(kSmooth);
        _k = new RollingWindow(dSmooth);
    }

    public static int RequiredCandles(int rsiPeriod, int stochPeriod, int kSmooth, int dSmooth) =>
        rsiPeriod + stochPeriod + kSmooth + dSmooth - 2;

    public static StochRsiResult[] Calculate(ReadOnlySpan<Bar> bars, int rsiPeriod = 14, int stochPeriod = 14,
        int kSmooth = 3, int dSmooth = 3) =>
        Batch.Run<StochRsi, StochRsiResult>(new StochRsi(rsiPeriod, stochPeriod, kSmooth, dSmooth), bars);

    public StochRsiResult Add(in Bar bar)
    {
        if (_rsi.Next(bar.Close) is not { } rsi)
        {
            return new StochRsiResult(bar.Time, null, null, null);
        }

        _rsiWindow.Add(rsi);
        if (!_rsiWindow.IsFull)
        {
            return new StochRsiResult(bar.Time, null, null, null);
        }

        double lowest = _rsiWindow.Min();
        double? raw = Num.Percent(rsi - lowest, _rsiWindow.Max() - lowest);
        _raw.Add(raw ?? double.NaN);
        double? k = _raw.Mean;
        if (!_raw.IsFull)
        {
            return new StochRsiResult(bar.Time, raw, null, null);
        }

        _k.Add(k ?? double.NaN);
        return new StochRsiResult(bar.Time, raw, k, _k.Mean);
    }
}
