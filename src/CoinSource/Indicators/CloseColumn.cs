using System.Buffers;

namespace CoinSource.Indicators;

/// <summary>
/// Runs an indicator kernel that reads a column of closes and writes a column of values (NaN where there is no
/// value), then pairs each value with its candle's time. The kernel is the whole computation; keeping it on plain
/// double columns lets it stream through memory once with nothing allocated per candle, and lets callers that
/// already hold columns skip the records entirely.
/// </summary>
public static class CloseColumn
{
    /// <summary>Reads <paramref name="closes"/> oldest first and writes one value per close to the destination.</summary>
    public delegate void Kernel(ReadOnlySpan<double> closes, Span<double> destination, int period);

    /// <summary>A result built from one candle's time and the kernel's value there.</summary>
    public interface IResult<TSelf>
        where TSelf : struct, IResult<TSelf>
    {
        static abstract TSelf Create(DateTimeOffset time, double? value);
    }

    // The result type is a struct type parameter, not a delegate, so that building each record compiles to a plain
    // constructor call inside the loop.
    public static TResult[] Run<TResult>(ReadOnlySpan<Bar> bars, int period, Kernel kernel)
        where TResult : struct, IResult<TResult>
    {
        double[] closes = ArrayPool<double>.Shared.Rent(bars.Length);
        double[] values = ArrayPool<double>.Shared.Rent(bars.Length);
        try
        {
            for (int i = 0; i < bars.Length; i++)
            {
                closes[i] = bars[i].Close;
            }

            kernel(closes.AsSpan(0, bars.Length), values.AsSpan(0, bars.Length), period);

            // Every slot is written below, so the array needs no zeroing.
            var results = GC.AllocateUninitializedArray<TResult>(bars.Length);
            for (int i = 0; i < bars.Length; i++)
            {
                results[i] = TResult.Create(bars[i].Time, Num.Finite(values[i]));
            }

            return results;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(closes);
            ArrayPool<double>.Shared.Return(values);
        }
    }
}
