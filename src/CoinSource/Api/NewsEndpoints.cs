using CoinSource.News;
using CoinSource.Routing;
using CoinSource.Symbols;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>Headlines merged from every news feed, each with the built-in model's sentiment.</summary>
public static class NewsEndpoints
{
    private const int MaxSymbolLength = 40;

    public static IEndpointRouteBuilder MapNewsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/news", GetNewsAsync)
            .WithTags("News")
            .WithName("GetNews")
            .WithSummary("Latest crypto headlines from several feeds, deduplicated, newest first, with sentiment")
            .WithDescription($"symbol: only stories that mention the asset by ticker or name (BTC, bitcoin). limit: "
                + $"1 to {NewsService.MaxLimit} (default {NewsService.DefaultLimit}). Titles and summaries are plain "
                + "text: feed markup is removed. Each feed is its own source; meta.attempts lists every feed.");

        return app;
    }

    internal static async Task<Results<Ok<ApiResponse<IReadOnlyList<NewsStory>>>, ProblemHttpResult>> GetNewsAsync(
        string? symbol, string? limit, NewsService news, TimeProvider time, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!QueryParsing.TryInt(limit, "limit", NewsService.DefaultLimit, 1, NewsService.MaxLimit, out int count,
                out string? error))
        {
            return ApiProblems.BadParameter("limit", error!);
        }

        Asset? asset = null;
        if (symbol is not null)
        {
            string wanted = symbol.Trim();
            if (wanted.Length is 0 or > MaxSymbolLength)
            {
                return ApiProblems.BadParameter("symbol", $"must be a ticker or a coin name of 1 to {MaxSymbolLength} characters");
            }

            asset = AssetCatalog.Find(wanted);
            if (asset is null)
            {
                return ApiProblems.NotFound($"symbol: unknown asset '{QueryParsing.Shorten(wanted)}'");
            }
        }

        if (news.Feeds.Count == 0)
        {
            return ApiProblems.NotFound("no news feed is enabled");
        }

        var digest = await news.GetNewsAsync(asset, count, cancellationToken);
        IReadOnlyList<Attempt> attempts = [.. digest.Feeds.SelectMany(f => f.Routed.Attempts)];
        if (!digest.AnyFeedAnswered)
        {
            var retryAt = digest.Feeds.Select(f => f.Routed.RetryAt).Where(r => r is not null).Min();
            return ApiProblems.Unavailable(context, "news: no feed could answer and nothing is cached", attempts,
                retryAt, time.GetUtcNow());
        }

        return TypedResults.Ok(new ApiResponse<IReadOnlyList<NewsStory>>(digest.Stories, Meta(digest, attempts)));
    }

    private static ResponseMeta Meta(NewsDigest digest, IReadOnlyList<Attempt> attempts)
    {
        var answered = digest.Feeds.Where(f => f.HasValue).ToList();
        return new ResponseMeta
        {
            Source = string.Join(',', answered.Select(f => f.Source)),
            Cached = answered.All(f => f.FromCache),
            Stale = answered.Any(f => f.Stale),
            AgeSeconds = Math.Round(answered.Max(f => f.Age).TotalSeconds, 1),
            FetchedAt = answered.Min(f => f.FetchedAt),
            Failover = "per feed: a feed that fails serves its last good items, or none, and never stops the others",
            Attempts = attempts,
        };
    }
}
