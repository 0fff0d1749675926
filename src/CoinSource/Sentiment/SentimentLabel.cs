using System.Text.Json.Serialization;

namespace CoinSource.Sentiment;

/// <summary>Which way a text leans about the market.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SentimentLabel>))]
public enum SentimentLabel
{
    [JsonStringEnumMemberName("bearish")]
    Bearish,

    [JsonStringEnumMemberName("neutral")]
    Neutral,

    [JsonStringEnumMemberName("bullish")]
    Bullish,
}
