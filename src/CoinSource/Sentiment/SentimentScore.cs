namespace CoinSource.Sentiment;

/// <summary>A model's reading of one text.</summary>
/// <param name="Label">bearish, neutral or bullish.</param>
/// <param name="Score">-1 (most bearish) to 1 (most bullish), rounded to 4 places; never NaN.</param>
/// <param name="Model">The model that answered: lexicon, finbert, cryptobert.</param>
public sealed record SentimentScore(SentimentLabel Label, double Score, string Model);
