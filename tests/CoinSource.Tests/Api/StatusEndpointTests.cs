using System.Net;
using CoinSource.Configuration;
using CoinSource.FakeUpstreams;
using CoinSource.Sources;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

public sealed class StatusEndpointTests : IAsyncLifetime
{
    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _host = new CoinSourceHost(_upstream);
        _client = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Status_AtStart_HealthyWithEverySourceCounted()
    {
        var answer = await Answer.GetAsync(_client, "/api/status");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("healthy", answer.Json.GetProperty("status").GetString());
        var sources = answer.Json.GetProperty("sources");
        Assert.Equal(SourceRegistry.Names.Count, sources.GetProperty("total").GetInt32());
        int needKeys = SourceRegistry.Names.Count(n => Features.KeyFeatureOf(n) is { SourceNeedsKey: true });
        Assert.Equal(needKeys, sources.GetProperty("disabled").GetInt32());
        Assert.Equal(SourceRegistry.Names.Count - needKeys, sources.GetProperty("healthy").GetInt32());
        Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("version").GetString()));
        Assert.True(answer.Json.GetProperty("uptimeSeconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task Status_OneSourceOffline_DegradedAndCounted()
    {
        await DriveOfflineAsync("binance", "/api/quotes/BTC-USDT?source=binance");

        var status = await Answer.GetAsync(_client, "/api/status");
        var health = await Answer.GetAsync(_client, "/api/source-health/status/binance");

        Assert.Equal("degraded", status.Json.GetProperty("status").GetString());
        Assert.Equal(1, status.Json.GetProperty("sources").GetProperty("offline").GetInt32());
        var snapshot = health.Json.GetProperty("health");
        Assert.Equal("OFFLINE", snapshot.GetProperty("state").GetString());
        Assert.Equal(3, snapshot.GetProperty("consecutiveFailures").GetInt32());
        Assert.Contains("HTTP 500", snapshot.GetProperty("lastFailureReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["DEGRADED", "OFFLINE"],
            snapshot.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task SourceHealth_ListsEverySourceWithCapabilities()
    {
        var answer = await Answer.GetAsync(_client, "/api/source-health/status");

        var names = answer.Json.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("name").GetString());
        Assert.Equal(SourceRegistry.Names, names);
        var binance = answer.Json.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "binance");
        Assert.Equal(["quote", "candles"], binance.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.True(binance.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Reset_FromLoopback_ReturnsSourceToHealthy()
    {
        await DriveOfflineAsync("binance", "/api/quotes/BTC-USDT?source=binance");

        var reset = await Answer.SendAsync(_client, HttpMethod.Post, "/api/source-health/reset/binance");

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal("HEALTHY", reset.Json.GetProperty("health").GetProperty("state").GetString());
        _upstream.Heal("binance");
        var quote = await Answer.GetAsync(_client, "/api/quotes/BTC-USDT?source=binance");
        Assert.Equal(HttpStatusCode.OK, quote.Status);
    }

    [Fact]
    public async Task ResetAll_ReturnsEverySourceToHealthy()
    {
        await DriveOfflineAsync("binance", "/api/quotes/BTC-USDT?source=binance");

        var reset = await Answer.SendAsync(_client, HttpMethod.Post, "/api/source-health/reset-all");

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal(0, reset.Json.GetProperty("summary").GetProperty("offline").GetInt32());
    }

    [Fact]
    public async Task Reset_UnknownSource_Is404Problem()
    {
        var answer = await Answer.SendAsync(_client, HttpMethod.Post, "/api/source-health/reset/nosuch");

        answer.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_CapabilityWithNoSourceLeft_Unhealthy_ButStillReadyForQuotes()
    {
        foreach (string source in new[] { "coingecko" }.Concat(TopCoinSources()))
        {
            await DriveOfflineAsync(source, $"/api/coins/top?source={source}");
        }

        var ready = await Answer.GetAsync(_client, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("unhealthy", (await Answer.GetAsync(_client, "/api/status")).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Probes_LiveAlways_ReadyUntilQuotesHaveNoSourceLeft()
    {
        await using var host = new CoinSourceHost(_upstream, only: ["binance"]);
        var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await Answer.GetAsync(client, "/health/ready")).Status);
        _upstream.Fail("binance", FailureMode.ServerError);

        for (int i = 0; i < 3; i++)
        {
            await Answer.GetAsync(client, "/api/quotes/BTC-USDT");
        }

        var ready = await Answer.GetAsync(client, "/health/ready");
        Assert.Contains("quote", ready.AssertProblem(HttpStatusCode.ServiceUnavailable), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Answer.GetAsync(client, "/health/live")).Status);
    }

    [Fact]
    public async Task Metrics_PrometheusFormatWithSourceAttemptsAndStates()
    {
        await Answer.GetAsync(_client, "/api/quotes/BTC-USDT?source=binance");

        var metrics = await Answer.GetAsync(_client, "/metrics");

        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.Contains("coinsource_source_attempts_total{otel_scope_name=\"CoinSource\",outcome=\"success\","
            + "source=\"binance\"} 1", metrics.Text, StringComparison.Ordinal);
        Assert.Contains("coinsource_source_attempt_duration_seconds_bucket", metrics.Text, StringComparison.Ordinal);
        Assert.Contains("coinsource_source_state{otel_scope_name=\"CoinSource\",source=\"binance\"} 0", metrics.Text,
            StringComparison.Ordinal);
        Assert.Contains("coinsource_cache_lookups_total", metrics.Text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/api/quotes/{symbol}\"", metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryEndpoint_SwaggerUiAtDocs()
    {
        var document = await Answer.GetAsync(_client, "/openapi/v1.json");
        var docs = await Answer.GetAsync(_client, "/docs/index.html");

        var paths = document.Json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        string[] expected =
        [
            "/api/quotes/{symbol}", "/api/quotes", "/api/coins/top", "/api/candles/{symbol}", "/api/status",
            "/api/source-health/status", "/api/source-health/status/{name}", "/api/source-health/reset/{name}",
            "/api/source-health/reset-all", "/health/live", "/health/ready",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        Assert.Equal(HttpStatusCode.OK, docs.Status);
        Assert.Equal("text/html", docs.ContentType);
    }

    private IEnumerable<string> TopCoinSources() =>
        _host.Services.GetService(typeof(SourceCatalog)) is SourceCatalog catalog
            ? catalog.TopCoins.Select(s => s.Name).Where(n => n != "coingecko" && catalog.IsEnabled(n))
            : [];

    private async Task DriveOfflineAsync(string source, string path)
    {
        _upstream.Fail(source, FailureMode.ServerError);
        for (int i = 0; i < 3; i++)
        {
            var answer = await Answer.GetAsync(_client, path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        }
    }
}
