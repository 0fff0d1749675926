using System.Text.Json;
using CoinSource.News;
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
    internal static IReadOnlyList<FearGreedReading> Parse(JsonElement root, DateTimeOffset now) =>
        FearGreedJson.Readings(root, now);

    /// <summary>Errors come with 200 as <c>{"data":[],"metadata":{"error":"Limit must be a number"}}</c>.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (JsonValues.OptionalProperty(root, "metadata") is not { } metadata
            || JsonValues.OptionalProperty(metadata, "error") is not { } error)
        {
            return null;
        }

        string text = error.ValueKind == JsonValueKind.String ? error.GetString() ?? "" : error.GetRawText();
        return UpstreamFailure.ErrorPayload($"Alternative.me error: {FeedText.Plain(text, 120)}");
    }
}
