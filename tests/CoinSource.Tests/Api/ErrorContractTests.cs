using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>Every error is problem+json with a clear detail: bad input names the parameter.</summary>
public sealed class ErrorContractTests(ErrorContractTests.Fixture fixture) : IClassFixture<ErrorContractTests.Fixture>
{
    [Theory]
    [InlineData("/api/quotes/BTC?quote=XYZ", "quote")]
    [InlineData("/api/quotes/B$C", "symbol")]
    [InlineData("/api/quotes/BTCUSDT?quote=EUR", "symbol")]
    [InlineData("/api/quotes/%20", "symbol")]
    [InlineData("/api/quotes/BTC?source=nosuch", "source")]
    [InlineData("/api/quotes/BTC-USDT?source=coingecko", "source")]
    [InlineData("/api/quotes", "symbols")]
    [InlineData("/api/quotes?symbols=BTC,%25%25", "symbols")]
    [InlineData("/api/candles/BTC-USDT?interval=7m", "interval")]
    [InlineData("/api/candles/BTC-USDT?limit=0", "limit")]
    [InlineData("/api/candles/BTC-USDT?limit=1001", "limit")]
    [InlineData("/api/candles/BTC-USDT?limit=abc", "limit")]
    [InlineData("/api/candles/BTC-USDT?limit=99999999999999999999", "limit")]
    [InlineData("/api/candles/BTC-USDT?start=yesterday", "start")]
    [InlineData("/api/candles/BTC-USDT?end=-5", "end")]
    [InlineData("/api/candles/BTC-USDT?start=0", "start")]
    [InlineData("/api/candles/BTC-USDT?end=2200-01-01", "end")]
    [InlineData("/api/candles/BTC-USDT?start=2025-02-01&end=2025-01-01", "start")]
    [InlineData("/api/candles/BTC-USDT?source=coingecko", "source")]
    [InlineData("/api/coins/top?limit=-1", "limit")]
    [InlineData("/api/coins/top?quote=GBP", "quote")]
    public async Task BadParameter_Is400ProblemNamingIt(string path, string parameter)
    {
        var answer = await Answer.GetAsync(fixture.Client, path);

        string detail = answer.AssertProblem(HttpStatusCode.BadRequest);
        Assert.StartsWith(parameter + ":", detail, StringComparison.Ordinal);
        Assert.Equal(parameter, answer.Json.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/nothing")]
    [InlineData("/api/source-health/status/nosuch")]
    public async Task UnknownRoute_Is404Problem(string path)
    {
        var answer = await Answer.GetAsync(fixture.Client, path);

        answer.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        var answer = await Answer.SendAsync(fixture.Client, HttpMethod.Delete, "/api/quotes/BTC");

        string detail = answer.AssertProblem(HttpStatusCode.MethodNotAllowed);
        Assert.Contains("DELETE", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SymbolNoSourceLists_Is404WithAttempts()
    {
        var answer = await Answer.GetAsync(fixture.Client, "/api/quotes/NOPE-USDT");

        string detail = answer.AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("NOPE/USDT", detail, StringComparison.Ordinal);
        Assert.All(answer.Json.GetProperty("attempts").EnumerateArray(),
            a => Assert.Equal("not_listed", a.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task NoSourceServesThePair_Is404()
    {
        var answer = await Answer.GetAsync(fixture.Client, "/api/quotes/FOOBAR");

        answer.AssertProblem(HttpStatusCode.NotFound);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private FakeUpstreamServer _upstream = null!;
        private CoinSourceHost _host = null!;

        public HttpClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _upstream = await FakeUpstreamServer.StartAsync();
            _host = new CoinSourceHost(_upstream);
            Client = _host.Client();
        }

        public async ValueTask DisposeAsync()
        {
            await _host.DisposeAsync();
            await _upstream.DisposeAsync();
        }
    }
}
