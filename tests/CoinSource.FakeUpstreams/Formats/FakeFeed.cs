using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// A public news feed, RSS 2.0 (application/rss+xml) or Atom 1.0 (application/atom+xml), written the way
/// publishers write them: titles with escaped markup, summaries with HTML in CDATA, RFC 822 or RFC 3339 dates.
/// </summary>
public sealed class FakeFeed(string source, string path, bool atom, params FakeStory[] stories) : IFakeFormat
{
    /// <summary>Every fake feed, named and pathed as CoinSource's feed sources are.</summary>
    public static IReadOnlyList<FakeFeed> All { get; } =
    [
        new("news-coindesk", "/arc/outboundfeeds/rss/", atom: false, FakeNews.BitcoinRecord, FakeNews.EtherHack),
        new("news-cointelegraph", "/rss", atom: false, FakeNews.BitcoinRecordCopy, FakeNews.SolanaHalt),
        new("news-decrypt", "/feed", atom: false, FakeNews.DogeNotCrashing, FakeNews.FromTheFuture),
        new("news-bitcoinmagazine", "/.rss/full/", atom: false, FakeNews.BitcoinRecordRepost),
        new("news-reddit-crypto", "/r/CryptoCurrency/.rss", atom: true, FakeNews.MarketFlat, FakeNews.JavascriptLink),
    ];

    public string Source => source;

    public string ContentType => atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";

    public string BrokenBody => "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><item><title>Cut";

    public IReadOnlyList<FakeStory> Stories => stories;

    public void Map(IEndpointRouteBuilder routes, FakeMarket market) =>
        routes.MapGet(path, () => Xml(Write(stories, market.Now)));

    /// <summary>A channel without items, what a publisher's broken CMS serves.</summary>
    public IResult ErrorPayload() => Xml(Write([], DateTimeOffset.UnixEpoch));

    public IResult NotListed() => ErrorPayload();

    /// <summary>Well-formed, but every item has a time in the future.</summary>
    public IResult InvalidData(HttpContext context, FakeMarket market) =>
        Xml(Write([.. stories.Select(s => s with { Age = TimeSpan.FromDays(-3) })], market.Now));

    private IResult Xml(string body) => Results.Text(body, ContentType, Encoding.UTF8);

    private string Write(IEnumerable<FakeStory> items, DateTimeOffset now) =>
        atom ? WriteAtom(items, now) : WriteRss(items, now);

    private static string WriteRss(IEnumerable<FakeStory> items, DateTimeOffset now)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Fake news</title>"
            + "<link>https://example.com/</link><description>Headlines</description>");
        foreach (var story in items)
        {
            xml.Append(CultureInfo.InvariantCulture,
                $"<item><title>{Escape(story.Title)}</title><link>{Escape(story.Link)}</link>"
                + $"<guid isPermaLink=\"false\">{Escape(story.Link)}</guid><dc:creator>Staff</dc:creator>"
                + $"<pubDate>{(now - story.Age).ToString("r", CultureInfo.InvariantCulture)}</pubDate>"
                + $"<description><![CDATA[{story.Summary}]]></description></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    private static string WriteAtom(IEnumerable<FakeStory> items, DateTimeOffset now)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            + "<title>Fake feed</title><id>urn:fake</id>"
            + $"<updated>{Rfc3339(now)}</updated>");
        foreach (var story in items)
        {
            xml.Append(CultureInfo.InvariantCulture,
                $"<entry><title>{Escape(story.Title)}</title><id>urn:fake:{Escape(story.Link)}</id>"
                + $"<link rel=\"alternate\" href=\"{Escape(story.Link)}\"/><author><name>poster</name></author>"
                + $"<updated>{Rfc3339(now - story.Age)}</updated><published>{Rfc3339(now - story.Age)}</published>"
                + $"<content type=\"html\">{Escape(story.Summary)}</content></entry>");
        }

        return xml.Append("</feed>").ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
