namespace CoinSource.Indicators;

/// <summary>Simple moving average of the close: the mean of the last <c>period</c> closes.</summary>
public sealed class Sma : IIndicatorState<SmaResult>
{
    private readonly RollingWindow _window;

    public Sma(int period = 20) => _window = new RollingWindow(period);

    public static int RequiredCandles(int period) => period;

    public static SmaResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 20) =>
        CloseColumn.Run<SmaResult>(bars, period, Compute);

    /// <summary>
    /// One pass with a running sum, in exactly the arithmetic of <see cref="RollingWindow"/> (subtract on exit, a
    /// fresh sum in time order once per lap, NaN counted as missing), so batch equals streaming to the last bit.
    /// Writes NaN where there is no mean yet.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> closes, Span<double> destination, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, closes.Length);
        double sum = 0;
        int missing = 0;
        int lap = period;

        for (int i = 0; i < closes.Length; i++)
        {
            if (i >= period)
            {
                double leaving = closes[i - period];
                if (double.IsNaN(leaving))
                {
                    missing--;
                }
                else
                {
                    sum -= leaving;
                }
            }

            double value = closes[i];
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
                sum = Resum(closes.Slice(i + 1 - period, period));
            }

            destination[i] = i >= period - 1 && missing == 0 ? sum / period : double.NaN;
        }
    }

    public SmaResult Add(in Bar bar)
    {
        _window.Add(bar.Close);
        return new SmaResult(bar.Time, _window.Mean);
    }

    private static double Resum(ReadOnlySpan<double> window)
    {
        double sum = 0;
        foreach (double close in window)
        {
            if (!double.IsNaN(close))
            {
                sum += close;
            }
        }

        return sum;
    }
}
