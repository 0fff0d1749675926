using CoinSource.Sentiment;

namespace CoinSource.News;

/// <summary>One headline of <c>GET /api/news</c>: the feed's item and the built-in model's reading of it.</summary>
public sealed record NewsStory(string Title, Uri Link, string Source, string Publisher, DateTimeOffset Published,
    string Summary, SentimentScore Sentiment);
