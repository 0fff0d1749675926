using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.FakeUpstreams.Formats;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Api;

/// <summary>GET /api/sentiment/fear-greed through the real server against the fake Alternative.me.</summary>
public sealed class FearGreedTests : IAsyncLifetime
{
    private const string Source = "alternative-me";

    private FakeUpstreamServer _upstream = null!;
    private FakeTimeProvider _clock = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _clock = new FakeTimeProvider(_upstream.Market.Now.AddMinutes(1));
        _host = new CoinSourceHost(_upstream, time: _clock, only: [Source]);
        _client = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task FearGreed_Healthy_CurrentAndHistoryNewestFirst()
    {
        var answer = await Answer.GetAsync(_client, "/api/sentiment/fear-greed?days=3");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(Source, answer.Meta.GetProperty("source").GetString());
        var current = answer.Data.GetProperty("current");
        Assert.Equal(FakeAlternativeMe.ValueAt(0), current.GetProperty("value").GetInt32());
        Assert.Equal(FakeAlternativeMe.Classify(FakeAlternativeMe.ValueAt(0)),
            current.GetProperty("classification").GetString());
        var history = answer.Data.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(new[] { 0, 1, 2 }.Select(FakeAlternativeMe.ValueAt),
            history.Select(h => h.GetProperty("value").GetInt32()));
        Assert.Equal(new[] { 0, 1, 2 }.Select(d => FakeAlternativeMe.DayOf(_upstream.Market, d)),
            history.Select(h => h.GetProperty("timestamp").GetDateTimeOffset()));
    }

    [Fact]
    public async Task FearGreed_NoDays_SevenDaysOfHistory()
    {
        var answer = await Answer.GetAsync(_client, "/api/sentiment/fear-greed");

        Assert.Equal(7, answer.Data.GetProperty("history").GetArrayLength());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("week")]
    public async Task FearGreed_BadDays_400NamingDays(string days)
    {
        var answer = await Answer.GetAsync(_client, $"/api/sentiment/fear-greed?days={days}");

        answer.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal("days", answer.Json.GetProperty("parameter").GetString());
        Assert.Equal(0, _upstream.Calls(Source));
    }

    [Fact]
    public async Task FearGreed_EveryFailureNothingCached_503WithRetryAfterAndReason()
    {
        FailureMode[] modes =
        [
            FailureMode.PartialContent, FailureMode.NoContent, FailureMode.EmptyBody, FailureMode.Html,
            FailureMode.BrokenJson, FailureMode.ErrorPayload, FailureMode.ServerError, FailureMode.Oversized,
            FailureMode.InvalidData,
        ];
        for (int i = 0; i < modes.Length; i++)
        {
            _upstream.Fail(Source, modes[i]);
            await Answer.SendAsync(_client, HttpMethod.Post, $"/api/source-health/reset/{Source}");

            var answer = await Answer.GetAsync(_client, $"/api/sentiment/fear-greed?days={i + 1}");

            answer.AssertProblem(HttpStatusCode.ServiceUnavailable);
            Assert.True(answer.Response.Headers.RetryAfter is not null, $"{modes[i]}: no Retry-After");
            var attempt = Assert.Single(answer.Json.GetProperty("attempts").EnumerateArray());
            Assert.Equal("failure", attempt.GetProperty("outcome").GetString());
            Assert.False(string.IsNullOrEmpty(attempt.GetProperty("reason").GetString()), $"{modes[i]}: no reason");
        }
    }

    [Fact]
    public async Task FearGreed_SourceFailsAfterSuccess_LastGoodServedStale()
    {
        await Answer.GetAsync(_client, "/api/sentiment/fear-greed?days=2");
        _clock.Advance(TimeSpan.FromMinutes(10));
        _upstream.Fail(Source, FailureMode.ServerError);

        var answer = await Answer.GetAsync(_client, "/api/sentiment/fear-greed?days=2");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Meta.GetProperty("stale").GetBoolean());
        Assert.True(answer.Meta.GetProperty("ageSeconds").GetDouble() >= 600);
        Assert.Equal(2, answer.Data.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task FearGreed_ThreeFailures_SourceOfflineInHealthApi()
    {
        _upstream.Fail(Source, FailureMode.ServerError);
        for (int days = 1; days <= 3; days++)
        {
            await Answer.GetAsync(_client, $"/api/sentiment/fear-greed?days={days}");
        }

        var health = await Answer.GetAsync(_client, $"/api/source-health/status/{Source}");

        Assert.Equal("OFFLINE", health.Json.GetProperty("health").GetProperty("state").GetString());
        Assert.Equal(["fear-greed"],
            health.Json.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task FearGreed_AlternativeMeDownWithCoinMarketCapKey_CoinMarketCapIndexServesAndIsNamed()
    {
        const string Key = "cmc-key-for-tests";
        await using var host = new CoinSourceHost(_upstream,
            new Dictionary<string, string?> { ["COINMARKETCAP_API_KEY"] = Key }, time: _clock,
            only: [Source, "coinmarketcap"]);
        _upstream.Fail(Source, FailureMode.ServerError);

        var answer = await Answer.GetAsync(host.Client(), "/api/sentiment/fear-greed?days=2");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("coinmarketcap", answer.Meta.GetProperty("source").GetString());
        Assert.Equal([FakeCoinMarketCap.ValueAt(0), FakeCoinMarketCap.ValueAt(1)],
            answer.Data.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("value").GetInt32()));
        var attempts = answer.Meta.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([Source, "coinmarketcap"], attempts.Select(a => a.GetProperty("source").GetString()));
        Assert.Equal("failure", attempts[0].GetProperty("outcome").GetString());
        Assert.Equal(Key, _upstream.LastHeaders("coinmarketcap").GetValueOrDefault(FakeCoinMarketCap.KeyHeader));
    }

    [Fact]
    public async Task FearGreed_AlternativeMeDownWithoutCoinMarketCapKey_503AndCoinMarketCapDisabled()
    {
        await using var host = new CoinSourceHost(_upstream, time: _clock, only: [Source, "coinmarketcap"]);
        _upstream.Fail(Source, FailureMode.ServerError);
        var client = host.Client();

        var answer = await Answer.GetAsync(client, "/api/sentiment/fear-greed");
        var health = await Answer.GetAsync(client, "/api/source-health/status/coinmarketcap");

        answer.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(0, _upstream.Calls("coinmarketcap"));
        Assert.Equal("DISABLED", health.Json.GetProperty("status").GetString());
    }
}
