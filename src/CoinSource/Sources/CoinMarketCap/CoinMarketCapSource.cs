using System.Text.Json;
using CoinSource.News;
using CoinSource.SafeHttp;
using CoinSource.Sentiment;
using CoinSource.Sources.Shared;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.CoinMarketCap;

/// <summary>
/// CoinMarketCap's own Crypto Fear and Greed index, the fallback behind Alternative.me's. It is a separate index
/// (CoinMarketCap computes it from its own market data), on the same 0-100 scale with the same five classes, so an
/// answer it serves names it as the source. It needs a key, sent in a header; the free plan's credits are monthly.
/// <c>/v3/fear-and-greed/historical?limit=N</c> answers the last N daily values, newest first.
/// </summary>
public sealed class CoinMarketCapSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IFearGreedSource
{
    public const string SourceName = "coinmarketcap";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://pro-api.coinmarketcap.com");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    protected override KeyValuePair<string, string>? KeyHeader(string apiKey) => new("X-CMC_PRO_API_KEY", apiKey);

    public Task<UpstreamResult<IReadOnlyList<FearGreedReading>>> GetFearGreedAsync(int days,
        CancellationToken cancellationToken)
    {
        var request = Request("fear-and-greed", "/v3/fear-and-greed/historical", ("limit", days));
        return Http.GetJsonAsync(request, root => Parse(root, Time.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// <c>{"data":[{"timestamp":"1726790400","value":55,"value_classification":"Neutral"}],
    /// "status":{"error_code":"0","error_message":"","credit_count":1}}</c>. Numbers may come as strings.
    /// </summary>
    internal static IReadOnlyList<FearGreedReading> Parse(JsonElement root, DateTimeOffset now) =>
        FearGreedJson.Readings(root, now);

    /// <summary>
    /// Every answer carries <c>status.error_code</c>; anything but 0 is an error, whatever the HTTP status, e.g.
    /// <c>{"status":{"error_code":1002,"error_message":"API key missing."}}</c>.
    /// </summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (JsonValues.OptionalProperty(root, "status") is not { ValueKind: JsonValueKind.Object } header
            || JsonValues.OptionalProperty(header, "error_code") is not { } code)
        {
            return null;
        }

        string text = code.ValueKind == JsonValueKind.String ? code.GetString() ?? "" : code.GetRawText();
        if (text is "0" or "")
        {
            return null;
        }

        string message = JsonValues.OptionalProperty(header, "error_message")?.ToString() ?? "";
        return UpstreamFailure.ErrorPayload(
            $"CoinMarketCap error {FeedText.Plain(text, 12)}: {FeedText.Plain(message, 120)}");
    }
}
