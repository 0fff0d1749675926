using System.Text.Json;
using CoinSource.SafeHttp;
using CoinSource.Sentiment;
using CoinSource.Sources.Shared;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.AlternativeMe;

/// <summary>
/// Alternative.me's keyless Crypto Fear &amp; Greed index: <c>/fng/?limit=N</c> answers the last N daily values,
/// newest first, each with its value (0-100, as a string), its classification and a Unix-seconds timestamp.
/// </summary>
public sealed class AlternativeMeSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IFearGreedSource
{
    public const string SourceName = "alternative-me";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://api.alternative.me");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public Task<UpstreamResult<IReadOnlyList<FearGreedReading>>> GetFearGreedAsync(int days,
        CancellationToken cancellationToken)
    {
        var request = Request("fng", "/fng/", ("limit", days), ("format", "json"));
        return Http.GetJsonAsync(request, root => Parse(root, Time.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// <c>{"name":"Fear and Greed Index","data":[{"value":"40","value_classification":"Fear",
    /// "timestamp":"1551157200","time_until_update":"68499"}],"metadata":{"error":null}}</c>.
    /// </summary>
    internal static IReadOnlyList<FearGreedReading> Parse(JsonElement root, DateTimeOffset now)
    {
        var data = JsonValues.Property(root, "data");
        if (data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0)
        {
            throw new InvalidUpstreamDataException("field 'data' is not a non-empty array");
        }

        var readings = data.EnumerateArray().Select(item => ParseReading(item, now)).ToList();
        return [.. readings.OrderByDescending(r => r.Timestamp)];
    }

    /// <summary>Errors come with 200 as <c>{"data":[],"metadata":{"error":"Limit must be a number"}}</c>.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (JsonValues.OptionalProperty(root, "metadata") is not { } metadata
            || JsonValues.OptionalProperty(metadata, "error") is not { } error)
        {
            return null;
        }

        string text = error.ValueKind == JsonValueKind.String ? error.GetString() ?? "" : error.GetRawText();
        return UpstreamFailure.ErrorPayload($"Alternative.me error: {QueryText(text)}");
    }

    private static FearGreedReading ParseReading(JsonElement item, DateTimeOffset now)
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

    private static string QueryText(string text) => text.Length <= 120 ? text : text[..120] + "...";
}
