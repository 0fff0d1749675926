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
public sealed record ActivityEvent(
    long Id,
    DateTimeOffset At,
    ActivityKind Kind,
    string Message,
    string? Source = null,
    string? Capability = null,
    string? Outcome = null,
    double? Ms = null,
    int? Status = null);
