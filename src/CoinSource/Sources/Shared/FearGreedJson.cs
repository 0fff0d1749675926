using System.Text.Json;
using CoinSource.SafeHttp;
using CoinSource.Sentiment;

namespace CoinSource.Sources.Shared;

/// <summary>
/// The daily readings shape both publishers of a fear and greed index use: a <c>data</c> array of
/// <c>{"value", "value_classification", "timestamp"}</c> with Unix-seconds timestamps, numbers plain or as strings.
/// </summary>
public static class FearGreedJson
{
    /// <summary>Every reading, checked (0-100, not in the future), newest first.</summary>
    public static IReadOnlyList<FearGreedReading> Readings(JsonElement root, DateTimeOffset now)
    {
        var data = JsonValues.Property(root, "data");
        if (data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0)
        {
            throw new InvalidUpstreamDataException("field 'data' is not a non-empty array");
        }

        var readings = data.EnumerateArray().Select(item => Reading(item, now)).ToList();
        return [.. readings.OrderByDescending(r => r.Timestamp)];
    }

    private static FearGreedReading Reading(JsonElement item, DateTimeOffset now)
    {
        long value = JsonValues.WholeNumber(JsonValues.Property(item, "value"), "value");
        if (value is < 0 or > 100)
        {
            throw new InvalidUpstreamDataException($"field 'value' is outside 0-100: {value}");
        }

        var timestamp = JsonValues.UnixSeconds(JsonValues.Property(item, "timestamp"), "timestamp");
        if (timestamp > now + MarketDataRules.ClockSkew)
        {
            throw new InvalidUpstreamDataException($"reading timestamp {timestamp:O} is in the future");
        }

        return new FearGreedReading(timestamp, (int)value, JsonValues.Text(item, "value_classification"));
    }
}
