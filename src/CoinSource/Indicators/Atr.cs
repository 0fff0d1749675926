namespace CoinSource.Indicators;

/// <summary>
/// Wilder's Average True Range. True range = max(high - low, |high - previous close|, |low - previous close|), and
/// high - low for the first candle; the first ATR is the mean of the first <c>period</c> true ranges, later ones
/// Wilder-smoothed.
/// </summary>
public sealed class Atr : IIndicatorState<AtrResult>
{
    private readonly int _period;
    private bool _started;
    private double _previousClose;
    private int _count;
    private double _atr;

    public Atr(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
    }

    public static int RequiredCandles(int period) => period;

    public static AtrResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 14) =>
        Batch.Run<Atr, AtrResult>(new Atr(period), bars);

    public static double TrueRange(in Bar bar, double previousClose) =>
        Math.Max(bar.High - bar.Low, Math.Max(Math.Abs(bar.High - previousClose), Math.Abs(bar.Low - previousClose)));

    public AtrResult Add(in Bar bar)
    {
        double range = _started ? TrueRange(bar, _previousClose) : bar.High - bar.Low;
        _started = true;
        _previousClose = bar.Close;
        _count++;
        if (_count <= _period)
        {
            _atr += range / _period;
            return new AtrResult(bar.Time, Num.Finite(range), _count < _period ? null : Num.Finite(_atr));
        }

        _atr = ((_atr * (_period - 1)) + range) / _period;
        return new AtrResult(bar.Time, Num.Finite(range), Num.Finite(_atr));
    }
}
