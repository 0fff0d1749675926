namespace CoinSource.Sources.Feeds;

/// <summary>One public news feed read by <see cref="FeedSource"/>: its source name and where it lives.</summary>
/// <param name="Name">The source name: news-coindesk. Its base URL is SOURCE_NEWS_COINDESK_URL.</param>
/// <param name="Publisher">The publisher's name, shown beside each headline.</param>
/// <param name="DefaultBaseUrl">The publisher's site.</param>
/// <param name="Path">The feed's path below the base URL.</param>
public sealed record FeedDefinition(string Name, string Publisher, Uri DefaultBaseUrl, string Path)
{
    /// <summary>Every feed, in priority order; RSS 2.0 and Atom 1.0 are both read.</summary>
    public static IReadOnlyList<FeedDefinition> All { get; } =
    [
        new("news-coindesk", "CoinDesk", new("https://www.coindesk.com"), "/arc/outboundfeeds/rss/"),
        new("news-cointelegraph", "Cointelegraph", new("https://cointelegraph.com"), "/rss"),
        new("news-decrypt", "Decrypt", new("https://decrypt.co"), "/feed"),
        new("news-bitcoinmagazine", "Bitcoin Magazine", new("https://bitcoinmagazine.com"), "/.rss/full/"),
        new("news-reddit-crypto", "r/CryptoCurrency", new("https://www.reddit.com"), "/r/CryptoCurrency/.rss"),
    ];
}
