namespace CoinSource.Sentiment;

/// <summary>The body of <c>POST /api/sentiment/analyze</c>.</summary>
/// <param name="Text">The text to score: 1 to <see cref="SentimentService.MaxTextLength"/> characters.</param>
/// <param name="Model">The model to ask first; the others follow as fallbacks. Optional.</param>
public sealed record AnalyzeRequest(string? Text, string? Model);
