using System.Text.Json.Serialization;

namespace CoinSource.Routing;

/// <summary>How one candidate source was used for a request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttemptOutcome>))]
public enum AttemptOutcome
{
    [JsonStringEnumMemberName("success")]
    Success,

    /// <summary>Called, and the answer was rejected or never came.</summary>
    [JsonStringEnumMemberName("failure")]
    Failure,

    /// <summary>Called; the source does not list the symbol.</summary>
    [JsonStringEnumMemberName("not_listed")]
    NotListed,

    /// <summary>Called; it answered 429.</summary>
    [JsonStringEnumMemberName("throttled")]
    Throttled,

    /// <summary>Not called: OFFLINE in its cooldown, or throttled.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,

    /// <summary>The caller went away during the call.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}

/// <summary>One line of a request's decision trace, returned in <c>meta.attempts</c>.</summary>
/// <param name="Source">The candidate source.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why, in words; null for a plain success.</param>
/// <param name="Ms">Time spent on the attempt, in milliseconds (0 for a skip).</param>
/// <param name="Endpoint">The upstream endpoint called; null when the source was skipped.</param>
/// <param name="Bytes">Body bytes received from the upstream.</param>
public sealed record Attempt(string Source, AttemptOutcome Outcome, string? Reason, double Ms,
    string? Endpoint = null, long Bytes = 0);
