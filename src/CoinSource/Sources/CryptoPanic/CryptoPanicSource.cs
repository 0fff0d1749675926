using System.Text.Json;
using CoinSource.News;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.CryptoPanic;

/// <summary>
/// CryptoPanic's news aggregator, which needs a token: <c>/api/v1/posts/?auth_token=...&amp;kind=news</c> answers
/// <c>{"results":[{"title":"...","url":"...","published_at":"2022-04-26T14:07:55Z","source":{"title":"..."}}]}</c>.
/// </summary>
public sealed class CryptoPanicSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), INewsSource
{
    public const string SourceName = "cryptopanic";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://cryptopanic.com");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public Task<UpstreamResult<IReadOnlyList<NewsItem>>> GetNewsAsync(CancellationToken cancellationToken)
    {
        var request = Request("posts", "/api/v1/posts/", ("auth_token", ApiKey), ("kind", "news"), ("public", "true"));
        return Http.GetJsonAsync(request, root => Parse(root, Time.GetUtcNow()), cancellationToken);
    }

    internal static IReadOnlyList<NewsItem> Parse(JsonElement root, DateTimeOffset now)
    {
        var results = JsonValues.Property(root, "results");
        if (results.ValueKind != JsonValueKind.Array || results.GetArrayLength() == 0)
        {
            throw new InvalidUpstreamDataException("field 'results' is not a non-empty array");
        }

        var items = results.EnumerateArray().Select(post => ToItem(post, now)).OfType<NewsItem>().ToList();
        return items.Count > 0
            ? [.. items.OrderByDescending(i => i.Published)]
            : throw new InvalidUpstreamDataException("no post has a title, a web link and a time not in the future");
    }

    /// <summary>Errors: <c>{"status":"Incomplete","info":"Token not found"}</c>, with 200 or a 4xx.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status) =>
        JsonValues.OptionalProperty(root, "results") is null && JsonValues.OptionalProperty(root, "info") is { } info
            ? UpstreamFailure.ErrorPayload($"CryptoPanic error: {FeedText.Plain(info.ToString(), 120)}")
            : null;

    private static NewsItem? ToItem(JsonElement post, DateTimeOffset now)
    {
        string title = FeedText.Plain(JsonValues.OptionalProperty(post, "title")?.ToString(), FeedText.MaxTitleLength);
        var link = Uri.TryCreate(JsonValues.OptionalProperty(post, "url")?.ToString(), UriKind.Absolute, out var url)
            ? FeedText.WebLink(url)
            : null;
        var published = JsonValues.IsoTime(post, "published_at");
        if (title.Length == 0 || link is null || published > now + MarketDataRules.ClockSkew)
        {
            return null;
        }

        string publisher = JsonValues.OptionalProperty(post, "source") is { } source
            ? FeedText.Plain(JsonValues.OptionalProperty(source, "title")?.ToString(), 80)
            : "";
        return new NewsItem(title, link, SourceName, publisher.Length > 0 ? publisher : "CryptoPanic", published, "");
    }
}
