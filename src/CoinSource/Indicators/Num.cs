namespace CoinSource.Indicators;

/// <summary>Guards on every value that leaves an indicator: no NaN or Infinity ever reaches a result.</summary>
public static class Num
{
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>, or null when that is undefined.</summary>
    public static double? Ratio(double numerator, double denominator) =>
        denominator == 0 ? null : Finite(numerator / denominator);
}
