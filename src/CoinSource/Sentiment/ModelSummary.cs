namespace CoinSource.Sentiment;

/// <summary>AI models in <c>/api/status</c>: active ones are enabled and not OFFLINE.</summary>
public sealed record ModelSummary(int Active, int Total);
