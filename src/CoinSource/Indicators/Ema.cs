namespace CoinSource.Indicators;

/// <summary>
/// Exponential moving average with k = 2 / (period + 1), seeded with the simple average of the first
/// <c>period</c> values (the StockCharts and Stock.Indicators convention).
/// </summary>
public sealed class Ema : IIndicatorState<EmaResult>
{
    private readonly int _period;
    private readonly double _k;
    private int _count;
    private double _sum;
    private double _value;

    public Ema(int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _k = 2.0 / (period + 1);
    }

    public static int RequiredCandles(int period) => period;

    public static EmaResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 20) =>
        CloseColumn.Run<EmaResult>(bars, period, Compute);

    /// <summary>
    /// One pass in exactly the arithmetic of <see cref="Next"/>, so batch equals streaming to the last bit.
    /// Writes NaN during the warm-up.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> closes, Span<double> destination, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, closes.Length);
        double k = 2.0 / (period + 1);
        int seed = Math.Min(period, closes.Length);
        double sum = 0;

        for (int i = 0; i < seed; i++)
        {
            sum += closes[i];
            destination[i] = double.NaN;
        }

        if (seed < period)
        {
            return;
        }

        double value = sum / period;
        destination[period - 1] = value;
        for (int i = period; i < closes.Length; i++)
        {
            value += k * (closes[i] - value);
            destination[i] = value;
        }
    }

    public EmaResult Add(in Bar bar) => new(bar.Time, Next(bar.Close));

    /// <summary>Takes the next value of any series (the MACD line, for its signal).</summary>
    public double? Next(double value)
    {
        if (_count < _period)
        {
            _count++;
            _sum += value;
            if (_count < _period)
            {
                return null;
            }

            _value = _sum / _period;
            return Num.Finite(_value);
        }

        _value += _k * (value - _value);
        return Num.Finite(_value);
    }
}
