using System.Net;
using System.Text.Json;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Api;

/// <summary>
/// The real server against fake upstreams, end to end through HTTP: failover, every state transition, throttling,
/// stale fallback and 503. Two USD quote sources are enabled, coingecko first, kraken second; time is a fake clock.
/// </summary>
public sealed class FailoverTests : IAsyncLifetime
{
    private const string First = "coingecko";
    private const string Second = "kraken";

    private FakeUpstreamServer _upstream = null!;
    private FakeTimeProvider _clock = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _clock = new FakeTimeProvider(_upstream.Market.Now.AddMinutes(1));
        _host = new CoinSourceHost(_upstream, new Dictionary<string, string?>
        {
            ["CACHE_QUOTE_TTL_SECONDS"] = "0",
            ["HEALTH_PROBE_JITTER_SECONDS"] = "0",
        }, _clock, only: [First, Second]);
        _client = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Quote_FirstSourceHealthy_ServedByItWithOneAttempt()
    {
        var answer = await QuoteAsync();

        Assert.Equal(First, answer.Meta.GetProperty("source").GetString());
        var attempt = Assert.Single(answer.Meta.GetProperty("attempts").EnumerateArray());
        Assert.Equal("success", attempt.GetProperty("outcome").GetString());
        Assert.Equal("simple/price", attempt.GetProperty("endpoint").GetString());
        Assert.True(attempt.GetProperty("bytes").GetInt64() > 0);
        Assert.Equal(0, _upstream.Calls(Second));
    }

    [Fact]
    public async Task Quote_FirstSourceFails_NextServesInSameRequestWithTrace()
    {
        _upstream.Fail(First, FailureMode.ServerError);

        var answer = await QuoteAsync();

        Assert.Equal(Second, answer.Meta.GetProperty("source").GetString());
        Assert.Equal(50_000m, answer.Data.GetProperty("price").GetDecimal());
        Assert.Equal("USD", answer.Data.GetProperty("quoteCurrency").GetString());
        var attempts = answer.Meta.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([(First, "failure"), (Second, "success")],
            attempts.Select(a => (a.GetProperty("source").GetString(), a.GetProperty("outcome").GetString())));
        Assert.StartsWith("HTTP 500", attempts[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(attempts[0].GetProperty("ms").GetDouble() >= 0);
    }

    [Fact]
    public async Task Quote_EveryFailureKind_FailsOverToNextSource()
    {
        FailureMode[] modes =
        [
            FailureMode.PartialContent, FailureMode.NoContent, FailureMode.EmptyBody, FailureMode.Html,
            FailureMode.BrokenJson, FailureMode.ErrorPayload, FailureMode.ServerError, FailureMode.Oversized,
            FailureMode.InvalidData,
        ];
        foreach (var mode in modes)
        {
            _upstream.Fail(First, mode);
            await Answer.SendAsync(_client, HttpMethod.Post, $"/api/source-health/reset/{First}");

            var answer = await QuoteAsync();

            Assert.Equal(Second, answer.Meta.GetProperty("source").GetString());
            Assert.Equal("failure", answer.Meta.GetProperty("attempts")[0].GetProperty("outcome").GetString());
        }
    }

    [Fact]
    public async Task Quote_DegradedSource_TriedAfterTheHealthyOne()
    {
        _upstream.Fail(First, FailureMode.ServerError, times: 1);
        await QuoteAsync();

        var answer = await QuoteAsync();

        Assert.Equal("DEGRADED", await StateAsync(First));
        Assert.Equal(Second, answer.Meta.GetProperty("source").GetString());
        Assert.Equal(1, _upstream.Calls(First));
    }

    [Fact]
    public async Task Quote_ThirdFailure_SourceOfflineAndSkippedWithoutACall()
    {
        _upstream.Fail(First, FailureMode.ServerError);
        await PinnedFailureAsync();
        await PinnedFailureAsync();
        Assert.Equal("DEGRADED", await StateAsync(First));
        await PinnedFailureAsync();
        Assert.Equal("OFFLINE", await StateAsync(First));
        _upstream.ResetCounts();

        var answer = await QuoteAsync();

        Assert.Equal(0, _upstream.Calls(First));
        var skip = answer.Meta.GetProperty("attempts").EnumerateArray()
            .Single(a => a.GetProperty("source").GetString() == First);
        Assert.Equal("skipped", skip.GetProperty("outcome").GetString());
        Assert.StartsWith("OFFLINE until", skip.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_AfterCooldown_BackgroundProbeReturnsSourceWithoutAUserRequest()
    {
        await DriveOfflineAsync();
        _upstream.Heal(First);
        _clock.Advance(TimeSpan.FromMinutes(4));
        var during = await QuoteAsync();
        Assert.Equal(0, _upstream.Calls(First));
        Assert.Equal(Second, during.Meta.GetProperty("source").GetString());

        _clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => _host.Logs.GetSnapshot().Any(r => r.Id.Name == "ProbeSucceeded"),
            "the probe succeeded");
        var after = await QuoteAsync();

        Assert.Equal("HEALTHY", await StateAsync(First));
        Assert.Equal(2, _upstream.Calls(First));
        Assert.Equal(First, after.Meta.GetProperty("source").GetString());
        Assert.Single(_host.Logs.GetSnapshot(), r => r.Id.Name == "ProbeSucceeded");
    }

    [Fact]
    public async Task Offline_FailedBackgroundProbe_NewCooldownAndUserRequestsNeverProbe()
    {
        await DriveOfflineAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => _host.Logs.GetSnapshot().Any(r => r.Id.Name == "ProbeFailed"),
            "the probe failed");

        _clock.Advance(TimeSpan.FromMinutes(4));
        var answer = await QuoteAsync();

        Assert.Equal(1, _upstream.Calls(First));
        Assert.Equal(Second, answer.Meta.GetProperty("source").GetString());
        Assert.Equal("OFFLINE", await StateAsync(First));
    }

    [Fact]
    public async Task Quote_StateChanges_LoggedOnceEach()
    {
        _upstream.Fail(First, FailureMode.ServerError);
        for (int i = 0; i < 8; i++)
        {
            await PinnedFailureAsync();
            _clock.Advance(TimeSpan.FromMinutes(5));
        }

        var records = _host.Logs.GetSnapshot();
        Assert.Single(records, r => r.Id.Name == "SourceOffline" && r.Message.Contains(First, StringComparison.Ordinal));
        Assert.Single(records, r => r.Id.Name == "SourceDegraded" && r.Message.Contains(First, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quote_Throttled_SkippedUntilRetryAfterWithoutCountingAsOutage()
    {
        _upstream.Fail(First, FailureMode.TooManyRequests, times: 1, retryAfter: TimeSpan.FromSeconds(120));
        var throttled = await QuoteAsync();
        await QuoteAsync();

        Assert.Equal("throttled", throttled.Meta.GetProperty("attempts")[0].GetProperty("outcome").GetString());
        Assert.Equal(1, _upstream.Calls(First));
        Assert.Equal("HEALTHY", await StateAsync(First));

        _clock.Advance(TimeSpan.FromSeconds(120));
        var after = await QuoteAsync();
        Assert.Equal(First, after.Meta.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Quote_EverySourceFails_LastGoodServedStaleWithAge()
    {
        await QuoteAsync();
        _upstream.Fail(First, FailureMode.ServerError);
        _upstream.Fail(Second, FailureMode.Html);
        _clock.Advance(TimeSpan.FromSeconds(90));

        var answer = await QuoteAsync();

        Assert.True(answer.Meta.GetProperty("stale").GetBoolean());
        Assert.Equal(90, answer.Meta.GetProperty("ageSeconds").GetDouble());
        Assert.Equal(First, answer.Meta.GetProperty("source").GetString());
        Assert.Equal(50_000m, answer.Data.GetProperty("price").GetDecimal());
        Assert.Equal(["failure", "failure"], answer.Meta.GetProperty("attempts").EnumerateArray()
            .Select(a => a.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Quote_EverySourceFailsNothingCached_503WithRetryAfter()
    {
        _upstream.Fail(First, FailureMode.ServerError);
        _upstream.Fail(Second, FailureMode.ServerError);

        var answer = await Answer.GetAsync(_client, "/api/quotes/ETH");

        string detail = answer.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("no source could answer", detail, StringComparison.Ordinal);
        Assert.True(answer.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(2, answer.Json.GetProperty("attempts").GetArrayLength());
    }

    [Fact]
    public async Task Quote_AllOfflineNothingCached_RetryAfterIsTheEarliestCooldownEnd()
    {
        _upstream.Fail(First, FailureMode.ServerError);
        _upstream.Fail(Second, FailureMode.ServerError);
        for (int i = 0; i < 3; i++)
        {
            await Answer.GetAsync(_client, "/api/quotes/ETH");
        }

        _clock.Advance(TimeSpan.FromSeconds(100));
        var answer = await Answer.GetAsync(_client, "/api/quotes/ETH");

        answer.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(200), answer.Response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Quote_PinnedSource_NoFailoverAndSaysSo()
    {
        _upstream.Fail(Second, FailureMode.ServerError);

        var failed = await Answer.GetAsync(_client, $"/api/quotes/BTC?source={Second}");
        _upstream.Heal(Second);
        var served = await Answer.GetAsync(_client, $"/api/quotes/BTC?source={Second}");

        string detail = failed.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("pinned", detail, StringComparison.Ordinal);
        Assert.Equal(0, _upstream.Calls(First));
        Assert.Equal(Second, served.Meta.GetProperty("source").GetString());
        Assert.True(served.Meta.GetProperty("pinned").GetBoolean());
        Assert.StartsWith("disabled", served.Meta.GetProperty("failover").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_ManySymbols_EachRoutedAndReported()
    {
        _upstream.Market.SetPrice("ETH", 3_000m);

        var answer = await Answer.GetAsync(_client, "/api/quotes?symbols=BTC,eth,NOPE");

        var items = answer.Data.EnumerateArray().ToList();
        Assert.Equal(["BTC/USD", "ETH/USD", "NOPE/USD"], items.Select(i => i.GetProperty("pair").GetString()));
        Assert.Equal(3_000m, items[1].GetProperty("quote").GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("quote").ValueKind);
        Assert.False(string.IsNullOrEmpty(items[2].GetProperty("error").GetString()));
    }

    private async Task<Answer> QuoteAsync()
    {
        var answer = await Answer.GetAsync(_client, "/api/quotes/BTC");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return answer;
    }

    private async Task<string?> StateAsync(string source) =>
        (await Answer.GetAsync(_client, $"/api/source-health/status/{source}")).Json.GetProperty("health")
        .GetProperty("state").GetString();

    private async Task PinnedFailureAsync()
    {
        var answer = await Answer.GetAsync(_client, $"/api/quotes/BTC?source={First}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
    }

    private async Task DriveOfflineAsync()
    {
        _upstream.Fail(First, FailureMode.ServerError);
        for (int i = 0; i < 3; i++)
        {
            await PinnedFailureAsync();
        }

        Assert.Equal("OFFLINE", await StateAsync(First));
        _upstream.ResetCounts();
    }
}
