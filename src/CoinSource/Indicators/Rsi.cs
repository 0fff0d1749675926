namespace CoinSource.Indicators;

/// <summary>
/// Wilder's Relative Strength Index: the first averages of gains and losses are simple means of the first
/// <c>period</c> changes, later ones Wilder-smoothed ((previous * (period - 1) + current) / period).
/// RSI = 100 * gain / (gain + loss), which is 100 - 100 / (1 + RS) without the division by a zero loss:
/// no losses (flat prices included) give 100, as in Wilder's definition where RS grows without bound.
/// </summary>
public sealed class Rsi : IIndicatorState<RsiResult>
{
    private readonly int _period;
    private bool _started;
    private double _previous;
    private int _changes;
    private double _gain;
    private double _loss;

    public Rsi(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
    }

    public static int RequiredCandles(int period) => period + 1;

    public static RsiResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 14) =>
        CloseColumn.Run<RsiResult>(bars, period, Compute);

    /// <summary>
    /// One pass in exactly the arithmetic of <see cref="Next"/>, so batch equals streaming to the last bit.
    /// Writes NaN during the warm-up.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> closes, Span<double> destination, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, closes.Length);
        if (closes.Length == 0)
        {
            return;
        }

        destination[0] = double.NaN;
        double inverse = 1.0 / period;
        double gain = 0;
        double loss = 0;
        for (int i = 1; i < closes.Length; i++)
        {
            double change = closes[i] - closes[i - 1];
            double up = Math.Max(change, 0);
            double down = Math.Max(-change, 0);
            if (i <= period)
            {
                gain += up / period;
                loss += down / period;
                destination[i] = i < period ? double.NaN : Value(gain, loss);
                continue;
            }

            // Times the reciprocal rather than divided: the averages feed the next candle's, so this chain sets
            // the pace of the whole pass, and a multiplication takes a third of a division's time.
            gain = ((gain * (period - 1)) + up) * inverse;
            loss = ((loss * (period - 1)) + down) * inverse;
            destination[i] = Value(gain, loss);
        }
    }

    public RsiResult Add(in Bar bar) => new(bar.Time, Next(bar.Close));

    public double? Next(double close)
    {
        if (!_started)
        {
            _started = true;
            _previous = close;
            return null;
        }

        double change = close - _previous;
        _previous = close;
        double gain = Math.Max(change, 0);
        double loss = Math.Max(-change, 0);
        _changes++;
        if (_changes <= _period)
        {
            _gain += gain / _period;
            _loss += loss / _period;
            return _changes < _period ? null : Num.Finite(Value(_gain, _loss));
        }

        double inverse = 1.0 / _period;
        _gain = ((_gain * (_period - 1)) + gain) * inverse;
        _loss = ((_loss * (_period - 1)) + loss) * inverse;
        return Num.Finite(Value(_gain, _loss));
    }

    /// <summary>The RSI of the averages, NaN when it is undefined (an infinite average).</summary>
    private static double Value(double gain, double loss)
    {
        double total = gain + loss;
        double rsi = total > 0 ? 100 * (gain / total) : 100;
        return double.IsFinite(rsi) ? rsi : double.NaN;
    }
}
