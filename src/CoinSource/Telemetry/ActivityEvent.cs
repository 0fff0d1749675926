using System.Text.Json.Serialization;

namespace CoinSource.Telemetry;

/// <summary>The kinds of decision the activity feed carries.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
public enum ActivityKind
{
    /// <summary>One attempt at a source, successful or not.</summary>
    [JsonStringEnumMemberName("attempt")]
    Attempt,

    /// <summary>A source was skipped without a call (OFFLINE, throttled).</summary>
    [JsonStringEnumMemberName("skip")]
    Skip,

    /// <summary>A request was answered; names the source that served it.</summary>
    [JsonStringEnumMemberName("served")]
    Served,

    /// <summary>Every source failed and the last good data was served instead.</summary>
    [JsonStringEnumMemberName("stale")]
    Stale,

    /// <summary>Every source failed and nothing was cached: the caller got a 503.</summary>
    [JsonStringEnumMemberName("unavailable")]
    Unavailable,

    /// <summary>A source changed state.</summary>
    [JsonStringEnumMemberName("state")]
    StateChange,

    /// <summary>The background prober tried an OFFLINE source.</summary>
    [JsonStringEnumMemberName("probe")]
    Probe,

    /// <summary>The configuration was reloaded.</summary>
    [JsonStringEnumMemberName("config")]
    ConfigReload,

    /// <summary>
    /// An API request was answered. Pushed to live subscribers only, never kept among the recent decisions: it
    /// moves the packets of the live monitor.
    /// </summary>
    [JsonStringEnumMemberName("request")]
    Request,
}

/// <summary>One decision, as the live monitor and the activity log show it.</summary>
/// <param name="Id">Increases with every event this instance's feed holds.</param>
/// <param name="At">When the decision was made.</param>
/// <param name="Kind">What kind of decision.</param>
/// <param name="Message">The decision in one line.</param>
/// <param name="Source">The source concerned, if any.</param>
/// <param name="Capability">What was asked for: quote, candles, ...</param>
/// <param name="Outcome">success, failure, skipped, a state name, ...</param>
/// <param name="Ms">How long the call took, for attempts.</param>
/// <param name="Instance">The instance that made the decision, when several share their feeds; else null.</param>
/// <param name="ReportedBy">For a state change another instance saw first: that instance.</param>
/// <param name="Status">For a request: the HTTP status of its answer.</param>
public sealed record ActivityEvent(
    long Id,
    DateTimeOffset At,
    ActivityKind Kind,
    string Message,
    string? Source = null,
    string? Capability = null,
    string? Outcome = null,
    double? Ms = null,
    string? Instance = null,
    string? ReportedBy = null,
    int? Status = null);
