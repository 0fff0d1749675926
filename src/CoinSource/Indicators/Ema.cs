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

    /// <summary>
    /// One pass in exactly the arithmetic of <see cref="Next"/>, so batch equals streaming to the last bit.
    /// </summary>
    public static EmaResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        // Every slot is written below, so the array needs no zeroing.
        var results = GC.AllocateUninitializedArray<EmaResult>(bars.Length);
        double k = 2.0 / (period + 1);
        int seed = Math.Min(period, bars.Length);
        double sum = 0;

        for (int i = 0; i < seed; i++)
        {
            sum += bars[i].Close;
            results[i] = new EmaResult(bars[i].Time, null);
        }

        if (seed < period)
        {
            return results;
        }

        double value = sum / period;
        results[period - 1] = new EmaResult(bars[period - 1].Time, Num.Finite(value));
        for (int i = period; i < bars.Length; i++)
        {
            value += k * (bars[i].Close - value);
            results[i] = new EmaResult(bars[i].Time, Num.Finite(value));
        }

        return results;
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
