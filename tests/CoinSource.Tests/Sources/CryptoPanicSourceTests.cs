using CoinSource.SafeHttp;
using CoinSource.Sources.CryptoPanic;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class CryptoPanicSourceTests
{
    [Fact]
    public void Parse_RecordedPosts_TitlesLinksAndPublishers()
    {
        using var body = Samples.Json("cryptopanic__posts.json");

        var items = CryptoPanicSource.Parse(body.RootElement, Samples.Now);

        Assert.Equal(20, items.Count);
        var first = items[0];
        Assert.Equal("Bitcoin Battles for $40K but Was Local Bottom Confirmed? (BTC Price Analysis)", first.Title);
        Assert.Equal("Feed - Cryptopotato.Com", first.Publisher);
        Assert.Equal(new DateTimeOffset(2022, 4, 26, 14, 7, 55, TimeSpan.Zero), first.Published);
        Assert.All(items, i => Assert.Equal("https", i.Link.Scheme));
    }

    [Fact]
    public void ReadError_TokenNotFound_ErrorPayload()
    {
        using var body = Samples.Inline("""{"status":"Incomplete","info":"Token not found"}""");

        Assert.Equal(FailureKind.ErrorPayload, CryptoPanicSource.ReadError(body.RootElement, 200)?.Kind);
    }
}
