using System.Globalization;

namespace CoinSource.FakeUpstreams;

/// <summary>Number formatting the way exchanges write numbers: invariant, no exponent.</summary>
public static class FakeText
{
    public static string Num(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    public static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses an optional query value as a long; null when absent or not a number.</summary>
    public static long? WholeOrNull(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : null;

    public static int WholeOr(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}
