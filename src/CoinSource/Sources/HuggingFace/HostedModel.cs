namespace CoinSource.Sources.HuggingFace;

/// <summary>One sentiment model on the Hugging Face inference API and how its labels read.</summary>
/// <param name="Name">The source name: finbert.</param>
/// <param name="Repository">The model's repository: ProsusAI/finbert.</param>
/// <param name="Description">What it is, for <c>GET /api/models</c>.</param>
/// <param name="Bullish">The model's label for a positive text.</param>
/// <param name="Bearish">The model's label for a negative text.</param>
public sealed record HostedModel(string Name, string Repository, string Description, string Bullish, string Bearish)
{
    public static IReadOnlyList<HostedModel> All { get; } =
    [
        new("finbert", "ProsusAI/finbert", "FinBERT: BERT tuned on financial news (positive, negative, neutral)",
            "positive", "negative"),
        new("cryptobert", "ElKulako/cryptobert", "CryptoBERT: BERT tuned on crypto social posts (Bullish, Bearish, Neutral)",
            "Bullish", "Bearish"),
    ];
}
