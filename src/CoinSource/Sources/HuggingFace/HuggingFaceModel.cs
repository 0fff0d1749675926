using System.Text.Json;
using CoinSource.News;
using CoinSource.SafeHttp;
using CoinSource.Sentiment;
using CoinSource.Sources.Shared;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.HuggingFace;

/// <summary>
/// A hosted text-classification model on the Hugging Face inference API: POST <c>/models/{repository}</c> with
/// <c>{"inputs": text}</c> and the token as a bearer, answered <c>[[{"label":"positive","score":0.93}, ...]]</c>.
/// The score is P(bullish) - P(bearish); the label is the most probable class.
/// </summary>
public sealed class HuggingFaceModel(
    HostedModel model, SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), ISentimentModel
{
    public override string Name => model.Name;

    public override Uri DefaultBaseUrl { get; } = new("https://router.huggingface.co/hf-inference");

    public string Description => model.Description;

    public bool InProcess => false;

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public Task<UpstreamResult<SentimentScore>> AnalyzeAsync(string text, CancellationToken cancellationToken)
    {
        var request = Request("models/" + model.Repository, $"/models/{model.Repository}") with
        {
            JsonBody = JsonSerializer.Serialize(new Dictionary<string, string> { ["inputs"] = text }),
        };
        return Http.GetJsonAsync(request, root => Parse(root, model), cancellationToken);
    }

    internal static SentimentScore Parse(JsonElement root, HostedModel model)
    {
        // The API nests the classes of each input in an array of its own; one input was sent.
        var classes = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0
                      && root[0].ValueKind == JsonValueKind.Array ? root[0] : root;
        if (classes.ValueKind != JsonValueKind.Array || classes.GetArrayLength() == 0)
        {
            throw new InvalidUpstreamDataException("expected an array of {label, score}");
        }

        var scores = classes.EnumerateArray().ToDictionary(
            c => JsonValues.Text(c, "label"), c => Probability(c), StringComparer.OrdinalIgnoreCase);
        double bullish = scores.GetValueOrDefault(model.Bullish);
        double bearish = scores.GetValueOrDefault(model.Bearish);
        string top = scores.MaxBy(s => s.Value).Key;
        var label = top.Equals(model.Bullish, StringComparison.OrdinalIgnoreCase) ? SentimentLabel.Bullish
            : top.Equals(model.Bearish, StringComparison.OrdinalIgnoreCase) ? SentimentLabel.Bearish
            : SentimentLabel.Neutral;
        return new SentimentScore(label, Math.Round(bullish - bearish, 4), model.Name);
    }

    /// <summary><c>{"error":"Model ProsusAI/finbert is currently loading","estimated_time":20.0}</c>.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status) =>
        JsonValues.OptionalProperty(root, "error") is { } error
            ? UpstreamFailure.ErrorPayload($"Hugging Face error: {FeedText.Plain(error.ToString(), 120)}")
            : null;

    protected override KeyValuePair<string, string>? KeyHeader(string apiKey) => new("Authorization", $"Bearer {apiKey}");

    private static double Probability(JsonElement item)
    {
        double p = (double)JsonValues.NumberOf(item, "score");
        return p is >= 0 and <= 1 ? p : throw new InvalidUpstreamDataException($"score {p} is not a probability");
    }
}
