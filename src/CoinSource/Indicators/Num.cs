namespace CoinSource.Indicators;

/// <summary>Guards on every value that leaves an indicator: no NaN or Infinity ever reaches a result.</summary>
public static class Num
{
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>, or null when that is undefined.</summary>
    public static double? Ratio(double numerator, double denominator) =>
        denominator == 0 ? null : Finite(numerator / denominator);

    /// <summary>
    /// 100 times a part of a whole, dividing first: when the part is at most the whole, the quotient is at most 1
    /// in floating point too, so a bounded oscillator never comes out at 100.00000000000001.
    /// </summary>
    public static double? Percent(double part, double whole) =>
        whole == 0 ? null : Finite(100 * (part / whole));
}
