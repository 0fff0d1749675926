namespace CoinSource.Bench.Reporting;

/// <summary>Order statistics of timings, and a bootstrap interval for a difference of medians.</summary>
public static class Stats
{
    /// <summary>The <paramref name="percent"/>th percentile, interpolated between the two nearest ranks.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);

        double[] sorted = [.. values.Order()];
        double rank = percent / 100 * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    /// <summary>
    /// A 95 % interval for median(<paramref name="a"/>) - median(<paramref name="b"/>), from resampling both sets:
    /// when it holds zero, the sets do not differ by more than their own spread.
    /// </summary>
    public static (double Low, double High) MedianDifferenceInterval(IReadOnlyList<double> a,
        IReadOnlyList<double> b, int resamples = 2000, int seed = 7860)
    {
        // A fixed seed: the same timings always give the same interval.
        var random = new Random(seed);
        double[] differences = new double[resamples];
        double[] drawA = new double[a.Count];
        double[] drawB = new double[b.Count];
        for (int i = 0; i < resamples; i++)
        {
            for (int j = 0; j < drawA.Length; j++)
            {
                drawA[j] = a[random.Next(a.Count)];
            }

            for (int j = 0; j < drawB.Length; j++)
            {
                drawB[j] = b[random.Next(b.Count)];
            }

            differences[i] = Median(drawA) - Median(drawB);
        }

        return (Percentile(differences, 2.5), Percentile(differences, 97.5));
    }
}
