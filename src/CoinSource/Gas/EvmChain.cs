using System.Text.Json.Serialization;

namespace CoinSource.Gas;

/// <summary>The EVM chains whose gas prices CoinSource serves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvmChain>))]
public enum EvmChain
{
    [JsonStringEnumMemberName("ethereum")]
    Ethereum,

    [JsonStringEnumMemberName("polygon")]
    Polygon,

    [JsonStringEnumMemberName("bsc")]
    Bsc,
}
