using System.Net;
using System.Text.Json;
using CoinSource.FakeUpstreams;
using CoinSource.FakeUpstreams.Formats;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Api;

/// <summary>
/// GET /api/news through the real server against five fake feeds (four RSS, one Atom). Feed caching is off, so
/// every request reads every feed; a feed that once answered still serves its last good items, marked stale.
/// </summary>
public sealed class NewsTests : IAsyncLifetime
{
    private const string CoinDesk = "news-coindesk";

    private static readonly string[] Feeds = [.. FakeFeed.All.Select(f => f.Source)];

    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        var clock = new FakeTimeProvider(_upstream.Market.Now.AddMinutes(1));
        _host = new CoinSourceHost(_upstream, new Dictionary<string, string?> { ["CACHE_NEWS_TTL_SECONDS"] = "0" },
            clock, only: Feeds);
        _client = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task News_EveryFeed_MergedDeduplicatedNewestFirst()
    {
        var answer = await Answer.GetAsync(_client, "/api/news");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["Daily discussion: the market is flat today", "What the record means for miners",
                "Dogecoin is not crashing, analysts say", "Ether slides after exchange hack",
                "Solana network halts block production for hours"],
            Titles(answer));
        var published = answer.Data.EnumerateArray().Select(s => s.GetProperty("published").GetDateTimeOffset()).ToList();
        Assert.Equal(published.OrderDescending(), published);
        Assert.Equal(Feeds.Order(), answer.Meta.GetProperty("attempts").EnumerateArray()
            .Select(a => a.GetProperty("source").GetString()).Order());
    }

    [Fact]
    public async Task News_EveryStory_SourceLinkAndLexiconSentiment()
    {
        var answer = await Answer.GetAsync(_client, "/api/news");

        var hack = Story(answer, "Ether slides after exchange hack");
        Assert.Equal(CoinDesk, hack.GetProperty("source").GetString());
        Assert.Equal("CoinDesk", hack.GetProperty("publisher").GetString());
        Assert.Equal("https://www.coindesk.com/markets/ether-hack", hack.GetProperty("link").GetString());
        Assert.Equal("bearish", hack.GetProperty("sentiment").GetProperty("label").GetString());
        Assert.Equal("lexicon", hack.GetProperty("sentiment").GetProperty("model").GetString());
        var doge = Story(answer, "Dogecoin is not crashing, analysts say");
        Assert.Equal("bullish", doge.GetProperty("sentiment").GetProperty("label").GetString());
        Assert.All(answer.Data.EnumerateArray(), s => Assert.InRange(
            s.GetProperty("sentiment").GetProperty("score").GetDouble(), -1, 1));
    }

    [Fact]
    public async Task News_FeedMarkup_NeverReachesTheApi()
    {
        var answer = await Answer.GetAsync(_client, "/api/news");

        foreach (var story in answer.Data.EnumerateArray())
        {
            foreach (string field in new[] { "title", "summary" })
            {
                string text = story.GetProperty(field).GetString()!;
                Assert.DoesNotContain('<', text);
                Assert.DoesNotContain('>', text);
                Assert.DoesNotContain("script", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("onerror", text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.StartsWith("http", story.GetProperty("link").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("Hackers stole funds. Ethereum fell 4%.",
            Story(answer, "Ether slides after exchange hack").GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("ETH", "Ether slides after exchange hack")]
    [InlineData("dogecoin", "Dogecoin is not crashing, analysts say")]
    [InlineData("sol", "Solana network halts block production for hours")]
    public async Task News_Symbol_OnlyStoriesThatMentionIt(string symbol, string expected)
    {
        var answer = await Answer.GetAsync(_client, $"/api/news?symbol={symbol}");

        Assert.Equal([expected], Titles(answer));
    }

    [Fact]
    public async Task News_Limit_TheNewestStories()
    {
        var answer = await Answer.GetAsync(_client, "/api/news?limit=2");

        Assert.Equal(["Daily discussion: the market is flat today", "What the record means for miners"],
            Titles(answer));
    }

    [Theory]
    [InlineData("limit=0", "limit", HttpStatusCode.BadRequest)]
    [InlineData("limit=101", "limit", HttpStatusCode.BadRequest)]
    [InlineData("limit=ten", "limit", HttpStatusCode.BadRequest)]
    [InlineData("symbol=", "symbol", HttpStatusCode.BadRequest)]
    [InlineData("symbol=NOTACOINATALL", null, HttpStatusCode.NotFound)]
    public async Task News_BadParameter_ProblemNamingIt(string query, string? parameter, HttpStatusCode status)
    {
        var answer = await Answer.GetAsync(_client, $"/api/news?{query}");

        answer.AssertProblem(status);
        if (parameter is not null)
        {
            Assert.Equal(parameter, answer.Json.GetProperty("parameter").GetString());
        }

        Assert.Equal(0, _upstream.TotalCalls);
    }

    [Fact]
    public async Task News_OneFeedFailsEveryWay_OtherFeedsStillServe()
    {
        FailureMode[] modes =
        [
            FailureMode.Html, FailureMode.BrokenJson, FailureMode.Oversized, FailureMode.EmptyBody,
            FailureMode.PartialContent, FailureMode.NoContent, FailureMode.ServerError, FailureMode.ErrorPayload,
            FailureMode.InvalidData,
        ];
        foreach (var mode in modes)
        {
            _upstream.Fail(CoinDesk, mode);
            await Answer.SendAsync(_client, HttpMethod.Post, $"/api/source-health/reset/{CoinDesk}");

            var answer = await Answer.GetAsync(_client, "/api/news");

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.DoesNotContain("Ether slides after exchange hack", Titles(answer));
            Assert.Contains("Dogecoin is not crashing, analysts say", Titles(answer));
            var failed = answer.Meta.GetProperty("attempts").EnumerateArray()
                .Single(a => a.GetProperty("source").GetString() == CoinDesk);
            Assert.Equal("failure", failed.GetProperty("outcome").GetString());
            Assert.False(string.IsNullOrEmpty(failed.GetProperty("reason").GetString()), $"{mode}: no reason");
        }
    }

    [Fact]
    public async Task News_FeedFailsAfterSuccess_ItsLastGoodStoriesServedStale()
    {
        await Answer.GetAsync(_client, "/api/news");
        _upstream.Fail(CoinDesk, FailureMode.Html);

        var answer = await Answer.GetAsync(_client, "/api/news");

        Assert.Contains("Ether slides after exchange hack", Titles(answer));
        Assert.True(answer.Meta.GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task News_EveryFeedFails_503WithRetryAfter()
    {
        foreach (string feed in Feeds)
        {
            _upstream.Fail(feed, FailureMode.ServerError);
        }

        var answer = await Answer.GetAsync(_client, "/api/news");

        answer.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.True(answer.Response.Headers.RetryAfter is not null);
        Assert.Equal(Feeds.Length, answer.Json.GetProperty("attempts").GetArrayLength());
    }

    private static List<string?> Titles(Answer answer) =>
        [.. answer.Data.EnumerateArray().Select(s => s.GetProperty("title").GetString())];

    private static JsonElement Story(Answer answer, string title) =>
        answer.Data.EnumerateArray().Single(s => s.GetProperty("title").GetString() == title);
}
