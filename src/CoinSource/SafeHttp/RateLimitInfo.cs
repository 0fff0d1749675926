using System.Globalization;
using System.Net.Http.Headers;

namespace CoinSource.SafeHttp;

/// <summary>What an upstream said about its own rate limit in the headers of an answer.</summary>
/// <param name="Remaining">Requests left in its current window.</param>
/// <param name="ResetAt">When its window starts again.</param>
public sealed record RateLimitInfo(int? Remaining, DateTimeOffset? ResetAt)
{
    private static readonly string[] RemainingHeaders = ["x-ratelimit-remaining", "ratelimit-remaining"];
    private static readonly string[] ResetHeaders = ["x-ratelimit-reset", "ratelimit-reset"];

    /// <summary>Reads the common rate-limit headers; null when the answer has none.</summary>
    public static RateLimitInfo? From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        int? remaining = First(headers, RemainingHeaders) is { } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int left)
            ? left
            : null;
        DateTimeOffset? reset = First(headers, ResetHeaders) is { } resetText
            && long.TryParse(resetText, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? ResetTime(value, now)
            : null;
        return remaining is null && reset is null ? null : new RateLimitInfo(remaining, reset);
    }

    /// <summary>Some upstreams send seconds until the reset, others the Unix time of it.</summary>
    private static DateTimeOffset ResetTime(long value, DateTimeOffset now) =>
        value > 1_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(value) : now.AddSeconds(value);

    private static string? First(HttpResponseHeaders headers, string[] names) =>
        names.Select(name => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null)
            .FirstOrDefault(v => v is not null);
}
