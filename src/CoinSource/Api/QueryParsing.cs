using System.Globalization;
using CoinSource.Sources.Shared;

namespace CoinSource.Api;

/// <summary>
/// Reads query parameters by hand, so that a wrong value is a 400 that names the parameter and says what it
/// accepts, instead of a binding failure with no detail.
/// </summary>
public static class QueryParsing
{
    public static bool TryInt(string? text, string name, int @default, int min, int max, out int value,
        out string? error)
    {
        error = null;
        value = @default;
        if (text is null)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min
            || value > max)
        {
            error = $"must be a whole number from {min} to {max}, got '{Shorten(text)}'";
            return false;
        }

        return true;
    }

    /// <summary>
    /// An ISO 8601 time, or Unix seconds or milliseconds, within the span of market data: asking upstreams for
    /// 1970 would only make them answer with times every adapter rejects, and count that against their health.
    /// </summary>
    public static bool TryTime(string? text, out DateTimeOffset? value, out string? error)
    {
        error = null;
        value = null;
        if (text is null)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long unix)
            && unix is >= 0 and <= 253_402_300_799_999)
        {
            value = unix > 10_000_000_000
                ? DateTimeOffset.FromUnixTimeMilliseconds(unix)
                : DateTimeOffset.FromUnixTimeSeconds(unix);
        }
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                     DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
        }
        else
        {
            error = $"must be an ISO 8601 time or Unix seconds, got '{Shorten(text)}'";
            return false;
        }

        if (value < MarketDataRules.EarliestTime || value > MarketDataRules.LatestTime)
        {
            error = $"must be between {Day(MarketDataRules.EarliestTime)} and {Day(MarketDataRules.LatestTime)}, "
                + $"got '{Shorten(text)}'";
            value = null;
            return false;
        }

        return true;
    }

    private static string Day(DateTimeOffset time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Echoes caller input in messages without letting a huge value through.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
