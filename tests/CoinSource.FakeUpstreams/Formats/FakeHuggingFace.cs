using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// The Hugging Face inference API for one text-classification model: POST /models/{repository} with
/// {"inputs": text}, answered [[{label, score}, ...]]; a text that mentions "crash" reads as negative, any other as
/// positive. Errors are {"error": "..."}.
/// </summary>
public sealed class FakeHuggingFace(string source, string repository, string positive, string negative, string neutral)
    : IFakeFormat
{
    public static IReadOnlyList<FakeHuggingFace> All { get; } =
    [
        new("finbert", "ProsusAI/finbert", "positive", "negative", "neutral"),
        new("cryptobert", "ElKulako/cryptobert", "Bullish", "Bearish", "Neutral"),
    ];

    public string Source => source;

    public void Map(IEndpointRouteBuilder routes, FakeMarket market) =>
        routes.MapPost($"/models/{repository}", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            string text = body.RootElement.GetProperty("inputs").GetString() ?? "";
            bool bad = text.Contains("crash", StringComparison.OrdinalIgnoreCase);
            return Results.Json(new[]
            {
                new[]
                {
                    new { label = bad ? negative : positive, score = 0.9 },
                    new { label = neutral, score = 0.07 },
                    new { label = bad ? positive : negative, score = 0.03 },
                },
            });
        });

    public IResult ErrorPayload() => Results.Json(new { error = $"Model {repository} is currently loading", estimated_time = 20.0 });

    public IResult NotListed() => ErrorPayload();

    public IResult InvalidData(HttpContext context, FakeMarket market) =>
        Results.Json(new[] { new[] { new { label = positive, score = 1.7 } } });
}
