using System.Text.Json.Serialization;

namespace CoinSource.Health;

/// <summary>The health of one source, as routing sees it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceState>))]
public enum SourceState
{
    /// <summary>Answers correctly and in time.</summary>
    [JsonStringEnumMemberName("HEALTHY")]
    Healthy,

    /// <summary>Recent failures or slow answers; still used, after healthy sources.</summary>
    [JsonStringEnumMemberName("DEGRADED")]
    Degraded,

    /// <summary>Failed too often in a row; gets no traffic until its cooldown ends and a probe succeeds.</summary>
    [JsonStringEnumMemberName("OFFLINE")]
    Offline,
}
