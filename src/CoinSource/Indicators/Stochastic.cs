namespace CoinSource.Indicators;

/// <summary>
/// Lane's Stochastic Oscillator: %K = 100 * (close - lowest low) / (highest high - lowest low) over
/// <c>kPeriod</c> candles, %D = SMA(<c>dPeriod</c>) of %K. A window with no range has no %K (null), nor any %D that
/// averages it.
/// </summary>
public sealed class Stochastic : IIndicatorState<StochasticResult>
{
    private readonly RollingWindow _highs;
    private readonly RollingWindow _lows;
    private readonly RollingWindow _k;

    public Stochastic(int kPeriod = 14, int dPeriod = 3)
    {
        _highs = new RollingWindow(kPeriod);
        _lows = new RollingWindow(kPeriod);
        _k = new RollingWindow(dPeriod);
    }

    public static int RequiredCandles(int kPeriod, int dPeriod) => kPeriod + dPeriod - 1;

    public static StochasticResult[] Calculate(ReadOnlySpan<Bar> bars, int kPeriod = 14, int dPeriod = 3) =>
        Batch.Run<Stochastic, StochasticResult>(new Stochastic(kPeriod, dPeriod), bars);

    public StochasticResult Add(in Bar bar)
    {
        _highs.Add(bar.High);
        _lows.Add(bar.Low);
        if (!_highs.IsFull)
        {
            return new StochasticResult(bar.Time, null, null);
        }

        double lowest = _lows.Min();
        double? k = Num.Percent(bar.Close - lowest, _highs.Max() - lowest);
        _k.Add(k ?? double.NaN);
        return new StochasticResult(bar.Time, k, _k.Mean);
    }
}
