using CoinSource.Health;
using CoinSource.Sentiment;
using CoinSource.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>Market sentiment: the Fear &amp; Greed index, and scoring a text with the sentiment models.</summary>
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

        api.MapPost("/analyze", AnalyzeAsync)
            .WithName("AnalyzeSentiment")
            .WithSummary("Scores a text: label bearish, neutral or bullish, and a score from -1 to 1")
            .WithDescription($"Body: {{\"text\": \"...\", \"model\": \"lexicon\"}}. text: 1 to "
                + $"{SentimentService.MaxTextLength} characters. model: optional, asked first; the other enabled models "
                + "follow as fallbacks, the built-in lexicon last. data.model and meta.source name the model that answered.");

        app.MapGet("/api/models", GetModels)
            .WithTags("Sentiment")
            .WithName("GetModels")
            .WithSummary("Every sentiment model: kind, enabled or why not, state, latency, calls and failures");

        return app;
    }

    internal static async Task<Results<Ok<ApiResponse<SentimentScore>>, ProblemHttpResult>> AnalyzeAsync(
        AnalyzeRequest? request, SentimentService sentiment, MarketAnswers answers, HttpContext context,
        CancellationToken cancellationToken)
    {
        string text = request?.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return ApiProblems.BadParameter("text", "must not be empty");
        }

        if (text.Length > SentimentService.MaxTextLength)
        {
            return ApiProblems.BadParameter("text",
                $"must be at most {SentimentService.MaxTextLength} characters, got {text.Length}");
        }

        ISentimentModel? first = null;
        if (request?.Model is { } name)
        {
            first = sentiment.Find(name.Trim());
            if (first is null)
            {
                return ApiProblems.BadParameter("model", $"unknown model '{QueryParsing.Shorten(name)}'; known: "
                    + string.Join(", ", sentiment.Models.Select(m => m.Name)));
            }
        }

        var result = await sentiment.AnalyzeAsync(text, first, cancellationToken);
        return answers.ToResult(context, result, Capability.Sentiment, $"{text.Length} characters", pinned: false);
    }

    internal static Ok<IReadOnlyList<ModelView>> GetModels(SentimentService sentiment, SourceCatalog catalog,
        SourceHealthTracker health)
    {
        IReadOnlyList<ModelView> models = [.. sentiment.Models.Select(m => new ModelView(m.Name, m.Description,
            m.InProcess ? "in-process" : "hosted", catalog.IsEnabled(m.Name), catalog.DisabledReason(m.Name),
            health.Snapshot(m.Name) ?? throw new InvalidOperationException($"model {m.Name} is not tracked")))];
        return TypedResults.Ok(models);
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
