namespace CoinSource.Sources;

/// <summary>Per-source settings, named by the source: <c>IOptionsMonitor&lt;SourceOptions&gt;.Get("binance")</c>.</summary>
public sealed class SourceOptions
{
    /// <summary>Where the source's API lives; null means the public address. Tests and mirrors point elsewhere.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Whether the source takes traffic at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Why the source takes no traffic, when <see cref="Enabled"/> is false.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>Requests the source may receive per window; null for no limit.</summary>
    public RequestBudget? Budget { get; set; }

    /// <summary>The source's API key, when one is configured. A secret: never logged, never answered.</summary>
    public string? ApiKey { get; set; }

    public override string ToString() =>
        $"{(Enabled ? "enabled" : "disabled")}, {BaseUrl?.ToString() ?? "public address"}, key {(ApiKey is null ? "not set" : "configured")}";
}
