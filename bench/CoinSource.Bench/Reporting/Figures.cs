using System.Globalization;

namespace CoinSource.Bench.Reporting;

/// <summary>How figures are written: invariant culture, units spelled out, a precision near the noise.</summary>
public static class Figures
{
    public static string Ms(double ms) => Number(ms) + " ms";

    /// <summary>The smallest and largest of several timings.</summary>
    public static string MsRange(double low, double high) => $"{Number(low)}-{Ms(high)}";

    /// <summary>A difference, with its sign.</summary>
    public static string SignedMs(double ms) => (ms >= 0 ? "+" : "") + Ms(ms);

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + " req/s";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) =>
        (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    public static string Seconds(TimeSpan time) =>
        time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Number(double ms) =>
        ms.ToString(Math.Abs(ms) < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
