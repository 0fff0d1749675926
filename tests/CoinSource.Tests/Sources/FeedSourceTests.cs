using System.Text;
using System.Xml;
using CoinSource.SafeHttp;
using CoinSource.Sources.Feeds;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class FeedSourceTests
{
    private static readonly FeedDefinition Feed = FeedDefinition.All[0];

    [Fact]
    public void Parse_Rss_PlainTextNewestFirst()
    {
        const string Rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>t</title><link>https://example.com/</link><description>d</description>
            <item><title>Older &lt;i&gt;story&lt;/i&gt; &amp;amp; more</title><link>https://example.com/a</link>
            <pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate>
            <description><![CDATA[<p>Hello <script>alert(1)</script><b>world</b></p> &lt;img onerror=x&gt;]]></description></item>
            <item><title>Newer</title><link>https://example.com/b</link><pubDate>Mon, 01 Dec 2025 11:00:00 GMT</pubDate></item>
            </channel></rss>
            """;

        var items = FeedSource.Parse(Encoding.UTF8.GetBytes(Rss), Feed, Samples.Now);

        Assert.Equal(["Newer", "Older story & more"], items.Select(i => i.Title));
        Assert.Equal("Hello world", items[1].Summary);
        Assert.Equal(new Uri("https://example.com/a"), items[1].Link);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 10, 0, 0, TimeSpan.Zero), items[1].Published);
        Assert.Equal(Feed.Name, items[1].Source);
    }

    [Fact]
    public void Parse_Atom_AlternateLinkAndHtmlContent()
    {
        const string Atom = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2025-12-01T10:00:00Z</updated>
            <entry><title type="html">Ether &lt;b&gt;slides&lt;/b&gt;</title><id>urn:x:1</id>
            <link rel="alternate" href="https://example.com/eth"/><updated>2025-12-01T09:00:00Z</updated>
            <content type="html">&lt;p&gt;Down &lt;em&gt;4%&lt;/em&gt;&lt;/p&gt;</content></entry>
            <entry><title>Bad link</title><id>urn:x:2</id><link href="javascript:alert(1)"/>
            <updated>2025-12-01T09:30:00Z</updated></entry>
            </feed>
            """;

        var item = Assert.Single(FeedSource.Parse(Encoding.UTF8.GetBytes(Atom), Feed, Samples.Now));

        Assert.Equal("Ether slides", item.Title);
        Assert.Equal("Down 4%", item.Summary);
        Assert.Equal(new Uri("https://example.com/eth"), item.Link);
    }

    [Fact]
    public void Parse_DocumentTypeDeclaration_RefusedBeforeAnyEntityExpands()
    {
        const string Laughs = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss version="2.0"><channel><title>&b;</title></channel></rss>
            """;

        Assert.Throws<XmlException>(() => FeedSource.Parse(Encoding.UTF8.GetBytes(Laughs), Feed, Samples.Now));
    }

    [Theory]
    [InlineData("<html><body>Not a feed</body></html>")]
    [InlineData("<rss version=\"2.0\"><channel><title>t</title><item><title>x")]
    public void Parse_NotAFeed_XmlException(string body) =>
        Assert.Throws<XmlException>(() => FeedSource.Parse(Encoding.UTF8.GetBytes(body), Feed, Samples.Now));

    [Fact]
    public void Parse_EveryItemUnusable_InvalidData()
    {
        const string Rss = """
            <rss version="2.0"><channel><title>t</title><link>https://example.com/</link><description>d</description>
            <item><title></title><link>https://example.com/a</link><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate></item>
            <item><title>Future</title><link>https://example.com/b</link><pubDate>Fri, 01 Jan 2100 10:00:00 GMT</pubDate></item>
            </channel></rss>
            """;

        Assert.Throws<InvalidUpstreamDataException>(() => FeedSource.Parse(Encoding.UTF8.GetBytes(Rss), Feed, Samples.Now));
    }
}
