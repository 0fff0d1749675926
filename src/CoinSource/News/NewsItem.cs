namespace CoinSource.News;

/// <summary>One headline as a feed published it, with every piece of markup already removed.</summary>
/// <param name="Title">Plain text.</param>
/// <param name="Link">An absolute http or https address.</param>
/// <param name="Source">The CoinSource source it came from: news-coindesk.</param>
/// <param name="Publisher">The publisher's name: CoinDesk.</param>
/// <param name="Published">When the feed says it was published (or last updated).</param>
/// <param name="Summary">Plain text, possibly empty, at most <see cref="FeedText.MaxSummaryLength"/> characters.</param>
public sealed record NewsItem(string Title, Uri Link, string Source, string Publisher, DateTimeOffset Published,
    string Summary);
