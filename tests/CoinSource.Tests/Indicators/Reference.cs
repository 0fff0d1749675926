using CoinSource.Indicators;

namespace CoinSource.Tests.Indicators;

/// <summary>Builds bars from published tables and states how close a computed value must come to a published one.</summary>
public static class Reference
{
    /// <summary>Tables printed to two decimals: the exact value rounds to the printed one.</summary>
    public const double TwoDecimals = 0.005 + 1e-9;

    /// <summary>
    /// Two-decimal tables whose spreadsheets computed from unrounded prices while printing them rounded: the value
    /// recomputed from the printed prices may differ by up to one cent.
    /// </summary>
    public const double FromUnroundedInputs = 0.01 + 1e-9;

    /// <summary>
    /// StockCharts' stochastic table (cs-stochastic) prints prices to the cent but computed %K from unrounded
    /// ones; over its ranges of 2 to 3.5 points, half a cent on close, highest high and lowest low moves %K by up to 0.2.
    /// </summary>
    public const double StochasticFromUnroundedPrices = 0.2;

    /// <summary>Hand-computed from the definition and printed to 1e-6; the arithmetic itself is exact.</summary>
    public const double HandComputed = 1e-6;

    /// <summary>Values from a spreadsheet's full-precision cells.</summary>
    public const double FullPrecision = 1e-6;

    public static Bar[] Closes(params double[] closes) =>
        [.. closes.Select((c, i) => new Bar(Time(i), c, c, c, c, 1))];

    public static Bar[] Candles(double[] highs, double[] lows, double[] closes, double[]? volumes = null) =>
        [.. closes.Select((c, i) => new Bar(Time(i), c, highs[i], lows[i], c, volumes?[i] ?? 1))];

    public static DateTimeOffset Time(int index) => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(index);

    public static void Near(double expected, double? actual, double precision, string what)
    {
        Assert.True(actual is not null, $"{what}: null, expected {expected}");
        Assert.True(Math.Abs(expected - actual!.Value) <= precision, $"{what}: {actual} is not {expected} +- {precision}");
    }
}
