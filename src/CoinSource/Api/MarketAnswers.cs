using CoinSource.Caching;
using CoinSource.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>
/// Turns a cache result into the HTTP answer: 200 with data and meta (fresh, cached or stale), 404 when every
/// source said the symbol is not listed, 503 with Retry-After when nothing is left to serve.
/// </summary>
public sealed partial class MarketAnswers(TimeProvider time, ActivityFeed feed, ILogger<MarketAnswers> logger)
{
    public Results<Ok<ApiResponse<T>>, ProblemHttpResult> ToResult<T>(HttpContext context, CachedResult<T> result,
        string capability, string subject, bool pinned)
    {
        if (result.HasValue)
        {
            if (result.Stale)
            {
                double age = Math.Round(result.Age.TotalSeconds);
                LogStale(logger, capability, subject, result.Source!, age);
                feed.Publish(ActivityKind.Stale, $"{capability} {subject}: every source failed; served stale data "
                    + $"from {result.Source}, {age} s old", result.Source, capability, "stale");
            }

            return TypedResults.Ok(new ApiResponse<T>(result.Value!, Meta(result, pinned)));
        }

        var routed = result.Routed;
        if (routed.NotListedAnywhere)
        {
            return ApiProblems.NotFound($"{subject}: no source lists this symbol", routed.Attempts);
        }

        LogUnavailable(logger, capability, subject, routed.Attempts.Count);
        feed.Publish(ActivityKind.Unavailable, $"{capability} {subject}: no source could answer and nothing is cached",
            capability: capability, outcome: "unavailable");
        string detail = pinned
            ? $"{subject}: the pinned source could not answer and nothing is cached (failover is off when a source is pinned)"
            : $"{subject}: no source could answer and nothing is cached";
        return ApiProblems.Unavailable(context, detail, routed.Attempts, routed.RetryAt, time.GetUtcNow());
    }

    public static ResponseMeta Meta<T>(CachedResult<T> result, bool pinned) => new()
    {
        Source = result.Source,
        Cached = result.FromCache,
        Stale = result.Stale,
        AgeSeconds = Math.Round(result.Age.TotalSeconds, 1),
        FetchedAt = result.FetchedAt,
        Pinned = pinned,
        Failover = pinned ? "disabled: the caller pinned one source" : "enabled",
        Attempts = result.Routed.Attempts,
    };

    [LoggerMessage(EventId = 4001, EventName = "ServedStale", Level = LogLevel.Warning,
        Message = "{Capability} {Subject}: every source failed; serving stale data from {Source}, {AgeSeconds} s old")]
    private static partial void LogStale(ILogger logger, string capability, string subject, string source,
        double ageSeconds);

    [LoggerMessage(EventId = 4002, EventName = "Unavailable", Level = LogLevel.Error,
        Message = "{Capability} {Subject}: no source could answer after {Attempts} candidates and nothing is cached")]
    private static partial void LogUnavailable(ILogger logger, string capability, string subject, int attempts);
}
