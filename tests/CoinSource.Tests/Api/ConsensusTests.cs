using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>Consensus quotes and data-quality health, through HTTP, against fake upstreams that lie.</summary>
public sealed class ConsensusTests : IAsyncLifetime
{
    private static readonly string[] UsdSources = ["coingecko", "kraken", "coinbase", "coinpaprika", "cryptocompare"];

    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost? _host;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _upstream.DisposeAsync();
    }

    /// <summary>
    /// Starts the server with a consensus budget: generous by default, so that a loaded machine does not turn slow
    /// answers into missing ones; the test of the budget sets a short one.
    /// </summary>
    private void Start(int budgetMs = 15_000)
    {
        _host = new CoinSourceHost(_upstream, new Dictionary<string, string?>
        {
            ["CACHE_QUOTE_TTL_SECONDS"] = "0",
            ["CONSENSUS_BUDGET_MS"] = budgetMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, only: UsdSources);
        _client = _host.Client();
    }

    [Fact]
    public async Task Consensus_AllAgree_MedianSpreadAndEverySourceWithItsAge()
    {
        var answer = await ConsensusAsync();

        Assert.Equal(50_000m, answer.Data.GetProperty("price").GetDecimal());
        Assert.Equal(0m, answer.Data.GetProperty("spreadPercent").GetDecimal());
        var sources = answer.Data.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(UsdSources.Order(), sources.Select(s => s.GetProperty("source").GetString()).Order());
        Assert.All(sources, s => Assert.False(s.GetProperty("outlier").GetBoolean()));
        Assert.All(sources, s => Assert.InRange(s.GetProperty("ageSeconds").GetDouble(), 0, 120));
        Assert.Equal("consensus", answer.Meta.GetProperty("source").GetString());
        Assert.Equal(5, answer.Meta.GetProperty("attempts").GetArrayLength());
    }

    [Fact]
    public async Task Consensus_OneSourceTenPercentOff_LeftOutWithEvidenceAndDegraded()
    {
        _upstream.Market.SetFactor("coinbase", 1.1m);

        var answer = await ConsensusAsync();
        var health = await Answer.GetAsync(_client, "/api/source-health/status/coinbase");

        Assert.Equal(50_000m, answer.Data.GetProperty("price").GetDecimal());
        var outlier = Assert.Single(answer.Data.GetProperty("outliers").EnumerateArray());
        Assert.Equal("coinbase", outlier.GetProperty("source").GetString());
        Assert.Equal(55_000m, outlier.GetProperty("price").GetDecimal());
        Assert.Equal(10m, outlier.GetProperty("deviationPercent").GetDecimal());
        Assert.Contains("price 55000 is 10 % off the median 50000 of 5 sources",
            outlier.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var state = health.Json.GetProperty("health");
        Assert.Equal("DEGRADED", state.GetProperty("state").GetString());
        Assert.StartsWith("1 consecutive failure(s), last: data quality: price 55000",
            state.GetProperty("stateReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataQuality_RepeatedOutlier_Offline()
    {
        _upstream.Market.SetFactor("coinbase", 1.1m);

        for (int i = 0; i < 3; i++)
        {
            await ConsensusAsync();
        }

        var health = await Answer.GetAsync(_client, "/api/source-health/status/coinbase");
        Assert.Equal("OFFLINE", health.Json.GetProperty("health").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Consensus_SourceWithHourOldTimestamps_LeftOutAsStale()
    {
        _upstream.Market.SetLag("coinpaprika", TimeSpan.FromHours(1));

        var answer = await ConsensusAsync();

        var outlier = Assert.Single(answer.Data.GetProperty("outliers").EnumerateArray());
        Assert.Equal("coinpaprika", outlier.GetProperty("source").GetString());
        Assert.InRange(outlier.GetProperty("ageSeconds").GetDouble(), 3600, 3720);
        Assert.Contains("stale price", outlier.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleMode_StaleSource_IsAFailureAndTheNextSourceServes()
    {
        _upstream.Market.SetLag("coingecko", TimeSpan.FromHours(1));

        Start();
        var answer = await Answer.GetAsync(_client, "/api/quotes/BTC");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("kraken", answer.Meta.GetProperty("source").GetString());
        var first = answer.Meta.GetProperty("attempts")[0];
        Assert.Equal("coingecko", first.GetProperty("source").GetString());
        Assert.Contains("over the 600 s limit", first.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consensus_SlowSource_LeftOutAtTheBudgetNotWaitedFor()
    {
        Start(budgetMs: 1500);
        _upstream.Delay("cryptocompare", TimeSpan.FromSeconds(20));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var answer = await ConsensusAsync();

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        var late = answer.Meta.GetProperty("attempts").EnumerateArray()
            .Single(a => a.GetProperty("source").GetString() == "cryptocompare");
        Assert.Equal("no answer within the 1500 ms budget", late.GetProperty("reason").GetString());
        Assert.Equal(4, answer.Data.GetProperty("sources").GetArrayLength());
    }

    [Fact]
    public async Task DataQuality_CandlesWithHighBelowLow_SourceDegradedWithTheEvidenceAndNextServes()
    {
        Start();
        _upstream.Market.BreakCandles("kraken");

        var candles = await Answer.GetAsync(_client, "/api/candles/BTC?interval=1h&limit=5");
        var health = await Answer.GetAsync(_client, "/api/source-health/status/kraken");

        Assert.Equal(HttpStatusCode.OK, candles.Status);
        Assert.Equal("coinbase", candles.Meta.GetProperty("source").GetString());
        var state = health.Json.GetProperty("health");
        Assert.Equal("DEGRADED", state.GetProperty("state").GetString());
        Assert.Matches("data quality: candle at .* has high [0-9.]+ below low [0-9.]+",
            state.GetProperty("stateReason").GetString());
    }

    [Theory]
    [InlineData("/api/quotes/BTC?mode=consensus&source=kraken", "source")]
    [InlineData("/api/quotes/BTC?mode=vote", "mode")]
    public async Task Consensus_BadParameters_400(string path, string parameter)
    {
        Start();
        var answer = await Answer.GetAsync(_client, path);

        Assert.StartsWith(parameter + ":", answer.AssertProblem(HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    private async Task<Answer> ConsensusAsync()
    {
        if (_host is null)
        {
            Start();
        }

        var answer = await Answer.GetAsync(_client, "/api/quotes/BTC?mode=consensus");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return answer;
    }
}
