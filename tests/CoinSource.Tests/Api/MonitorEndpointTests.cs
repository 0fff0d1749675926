using System.Net;
using System.Text.Json;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Api;

/// <summary>
/// The live monitor's API through real HTTP: per-route figures, counters of the last minute on a fake clock, the
/// activity stream, the poll fallback and the admin check.
/// </summary>
public sealed class MonitorEndpointTests : IAsyncLifetime
{
    private FakeUpstreamServer _upstream = null!;
    private FakeTimeProvider _clock = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _clock = new FakeTimeProvider(_upstream.Market.Now);
        _host = new CoinSourceHost(_upstream, new Dictionary<string, string?> { ["UPSTREAM_TIMEOUT_MS"] = "30000" },
            _clock, only: ["coingecko", "kraken"]);
        _client = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Endpoints_AfterCalls_CountsCallsAndErrorsPerRoute()
    {
        await Answer.GetAsync(_client, "/api/quotes/BTC");
        await Answer.GetAsync(_client, "/api/quotes/ETH");
        (await Answer.GetAsync(_client, "/api/quotes/BTC?quote=XYZ")).AssertProblem(HttpStatusCode.BadRequest);
        _upstream.Fail("coingecko", FailureMode.ServerError);
        _upstream.Fail("kraken", FailureMode.ServerError);
        (await Answer.GetAsync(_client, "/api/quotes/SOL")).AssertProblem(HttpStatusCode.ServiceUnavailable);

        var routes = (await Answer.GetAsync(_client, "/api/monitor/endpoints")).Json;
        var quotes = routes.EnumerateArray().Single(r => r.GetProperty("route").GetString() == "/api/quotes/{symbol}");

        Assert.Equal("GET", quotes.GetProperty("method").GetString());
        Assert.Equal(4, quotes.GetProperty("calls").GetInt64());
        Assert.Equal(1, quotes.GetProperty("clientErrors").GetInt64());
        Assert.Equal(1, quotes.GetProperty("serverErrors").GetInt64());
        Assert.Equal(0.25, quotes.GetProperty("errorRate").GetDouble());
        Assert.DoesNotContain(routes.EnumerateArray(), r => r.GetProperty("route").GetString() == "/api/monitor/endpoints");
    }

    [Fact]
    public async Task Summary_CountsTheLastMinuteAndTheCacheHitRate()
    {
        for (int i = 0; i < 3; i++)
        {
            await _client.GetOkAsync("/api/quotes/BTC");
        }

        var summary = (await Answer.GetAsync(_client, "/api/monitor/summary")).Json;
        Assert.Equal(3, summary.GetProperty("requestsPerMinute").GetInt64());
        Assert.Equal(3, summary.GetProperty("cacheLookups").GetInt64());
        Assert.Equal(0.6667, summary.GetProperty("cacheHitRate").GetDouble());
        var status = (await Answer.GetAsync(_client, "/api/status")).Json;
        Assert.Equal(status.GetProperty("sources").ToString(), summary.GetProperty("sources").ToString());
        Assert.Equal(status.GetProperty("models").ToString(), summary.GetProperty("models").ToString());
        Assert.Equal(0, summary.GetProperty("sources").GetProperty("offline").GetInt32());

        _clock.Advance(TimeSpan.FromSeconds(61));
        summary = (await Answer.GetAsync(_client, "/api/monitor/summary")).Json;
        Assert.Equal(0, summary.GetProperty("requestsPerMinute").GetInt64());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("averageLatencyMs").ValueKind);
    }

    [Fact]
    public async Task Stream_PushesEachRequestAndDecision_RecentKeepsOnlyDecisions()
    {
        var token = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/activity/stream", UriKind.Relative));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(token));
        Assert.Equal(": connected", await reader.ReadLineAsync(token));

        await _client.GetOkAsync("/api/quotes/BTC");
        var events = new List<JsonElement>();
        while (!events.Any(e => Kind(e) == "request"))
        {
            string? line = await reader.ReadLineAsync(token);
            Assert.NotNull(line);
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement);
            }
        }

        var served = Assert.Single(events, e => Kind(e) == "served");
        Assert.Equal("coingecko", served.GetProperty("source").GetString());
        var answered = Assert.Single(events, e => Kind(e) == "request");
        Assert.Equal("GET /api/quotes/BTC 200", answered.GetProperty("message").GetString());
        Assert.Equal("/api/quotes/{symbol}", answered.GetProperty("capability").GetString());
        Assert.Equal(200, answered.GetProperty("status").GetInt32());

        var recent = (await Answer.GetAsync(_client, "/api/activity/recent?limit=50")).Json;
        Assert.Contains(recent.EnumerateArray(), e => Kind(e) == "served");
        Assert.DoesNotContain(recent.EnumerateArray(), e => Kind(e) == "request");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("many")]
    public async Task Recent_LimitOutOfRange_400NamingIt(string limit)
    {
        var answer = await Answer.GetAsync(_client, $"/api/activity/recent?limit={limit}");

        Assert.StartsWith("limit", answer.AssertProblem(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminAccess_FromThisMachine_Allowed()
    {
        var access = (await Answer.GetAsync(_client, "/api/admin/access")).Json;

        Assert.True(access.GetProperty("allowed").GetBoolean());
        Assert.Contains("this machine", access.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminAccess_LoopbackNotTrustedAndNoToken_RefusedWithTheReason()
    {
        await using var host = new CoinSourceHost(_upstream,
            new Dictionary<string, string?> { ["ADMIN_ALLOW_LOOPBACK"] = "false" });
        using var client = host.Client();

        var access = (await Answer.GetAsync(client, "/api/admin/access")).Json;

        Assert.False(access.GetProperty("allowed").GetBoolean());
        Assert.Contains("ADMIN_TOKEN", access.GetProperty("reason").GetString(), StringComparison.Ordinal);
        (await Answer.SendAsync(client, HttpMethod.Post, "/api/source-health/reset-all"))
            .AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OpenApi_DescribesTheMonitorEndpoints()
    {
        var paths = (await Answer.GetAsync(_client, "/openapi/v1.json")).Json.GetProperty("paths");

        foreach (string path in new[] { "/api/activity/stream", "/api/activity/recent", "/api/monitor/summary",
                     "/api/monitor/endpoints", "/api/admin/access" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        Assert.False(paths.TryGetProperty("/system-monitor", out _));
    }

    private static string? Kind(JsonElement activity) => activity.GetProperty("kind").GetString();
}
