using CoinSource.Sentiment;
using CoinSource.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>Market sentiment: the Fear &amp; Greed index.</summary>
public static class SentimentEndpoints
{
    public static IEndpointRouteBuilder MapSentimentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sentiment").WithTags("Sentiment");

        api.MapGet("/fear-greed", GetFearGreedAsync)
            .WithName("GetFearGreed")
            .WithSummary("Crypto Fear & Greed index: the latest value and the daily history")
            .WithDescription($"days: 1 to {FearGreedService.MaxDays} (default 7), the history's length, newest first. "
                + "value: 0 (extreme fear) to 100 (extreme greed); classification: the publisher's own label. "
                + "When every source fails, the last good answer is served with meta.stale true.");

        return app;
    }

    internal static async Task<Results<Ok<ApiResponse<FearGreedIndex>>, ProblemHttpResult>> GetFearGreedAsync(
        string? days, FearGreedService fearGreed, MarketAnswers answers, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!QueryParsing.TryInt(days, "days", 7, 1, FearGreedService.MaxDays, out int count, out string? error))
        {
            return ApiProblems.BadParameter("days", error!);
        }

        var result = await fearGreed.GetAsync(count, cancellationToken);
        return answers.ToResult(context, result, Capability.FearGreed, $"fear & greed, {count} days", pinned: false);
    }
}
