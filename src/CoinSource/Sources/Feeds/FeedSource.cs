using System.ServiceModel.Syndication;
using System.Xml;
using CoinSource.News;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.Feeds;

/// <summary>
/// One public RSS 2.0 or Atom 1.0 news feed, read with System.ServiceModel.Syndication. The XML is read with DTDs
/// prohibited and no resolver, so entity expansion and external fetches are impossible; every title and summary
/// leaves as plain text, and an item without a title, a web link or a believable time is dropped.
/// </summary>
public sealed class FeedSource(
    FeedDefinition feed, SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), INewsSource
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public override string Name => feed.Name;

    public override Uri DefaultBaseUrl => feed.DefaultBaseUrl;

    public FeedDefinition Feed => feed;

    public Task<UpstreamResult<IReadOnlyList<NewsItem>>> GetNewsAsync(CancellationToken cancellationToken)
    {
        var request = Request("feed", feed.Path) with { Expected = ExpectedContent.Xml };
        return Http.GetBodyAsync(request, body => Parse(body, feed, Time.GetUtcNow()), cancellationToken);
    }

    internal static IReadOnlyList<NewsItem> Parse(ReadOnlyMemory<byte> body, FeedDefinition feed, DateTimeOffset now)
    {
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, ReaderSettings);
        var parsed = SyndicationFeed.Load(reader);
        var items = parsed.Items.ToList();
        if (items.Count == 0)
        {
            throw new InvalidUpstreamDataException("the feed has no items");
        }

        var usable = items.Select(item => ToNewsItem(item, feed, now)).OfType<NewsItem>().ToList();
        return usable.Count > 0
            ? [.. usable.OrderByDescending(i => i.Published)]
            : throw new InvalidUpstreamDataException(
                $"none of the feed's {items.Count} items has a title, a web link and a time not in the future");
    }

    private static NewsItem? ToNewsItem(SyndicationItem item, FeedDefinition feed, DateTimeOffset now)
    {
        string title = FeedText.Plain(item.Title?.Text, FeedText.MaxTitleLength);
        var link = FeedText.WebLink(item.Links.FirstOrDefault(IsAlternate)?.GetAbsoluteUri())
                   ?? (Uri.TryCreate(item.Id, UriKind.Absolute, out var id) ? FeedText.WebLink(id) : null);
        var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
        if (title.Length == 0 || link is null || published == default || published > now + MarketDataRules.ClockSkew)
        {
            return null;
        }

        string summary = FeedText.Plain(item.Summary?.Text ?? (item.Content as TextSyndicationContent)?.Text,
            FeedText.MaxSummaryLength);
        return new NewsItem(title, link, feed.Name, feed.Publisher, published.ToUniversalTime(), summary);
    }

    private static bool IsAlternate(SyndicationLink link) =>
        link.RelationshipType is null || link.RelationshipType.Equals("alternate", StringComparison.OrdinalIgnoreCase);
}
