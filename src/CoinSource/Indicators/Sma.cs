namespace CoinSource.Indicators;

/// <summary>Simple moving average of the close: the mean of the last <c>period</c> closes.</summary>
public sealed class Sma : IIndicatorState<SmaResult>
{
    private readonly RollingWindow _window;

    public Sma(int period = 20) => _window = new RollingWindow(period);

    public static int RequiredCandles(int period) => period;

    /// <summary>
    /// One pass with a running sum, in exactly the arithmetic of <see cref="RollingWindow"/> (subtract on exit, a
    /// fresh sum in time order once per lap, NaN counted as missing), so batch equals streaming to the last bit.
    /// </summary>
    public static SmaResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        // Every slot is written below, so the array needs no zeroing.
        var results = GC.AllocateUninitializedArray<SmaResult>(bars.Length);
        double sum = 0;
        int missing = 0;
        int lap = period;

        for (int i = 0; i < bars.Length; i++)
        {
            if (i >= period)
            {
                double leaving = bars[i - period].Close;
                if (double.IsNaN(leaving))
                {
                    missing--;
                }
                else
                {
                    sum -= leaving;
                }
            }

            double value = bars[i].Close;
            if (double.IsNaN(value))
            {
                missing++;
            }
            else
            {
                sum += value;
            }

            if (--lap == 0)
            {
                lap = period;
                sum = Resum(bars.Slice(i + 1 - period, period));
            }

            double? mean = i >= period - 1 && missing == 0 ? Num.Finite(sum / period) : null;
            results[i] = new SmaResult(bars[i].Time, mean);
        }

        return results;
    }

    public SmaResult Add(in Bar bar)
    {
        _window.Add(bar.Close);
        return new SmaResult(bar.Time, _window.Mean);
    }

    private static double Resum(ReadOnlySpan<Bar> window)
    {
        double sum = 0;
        foreach (ref readonly Bar bar in window)
        {
            if (!double.IsNaN(bar.Close))
            {
                sum += bar.Close;
            }
        }

        return sum;
    }
}
