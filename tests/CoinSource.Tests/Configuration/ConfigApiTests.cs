using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace CoinSource.Tests.Configuration;

/// <summary>Features, the config API and reload, through HTTP, with a .env file the test writes.</summary>
public sealed class ConfigApiTests : IAsyncLifetime
{
    private const string ProKey = "cg-pro-key-3f9a1c";

    private readonly string _envFile = Path.Combine(Path.GetTempPath(), $"coinsource-{Guid.NewGuid():N}.env");
    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_envFile, "HEALTH_COOLDOWN_SECONDS=120\n");
        _upstream = await FakeUpstreamServer.StartAsync();
        _host = new CoinSourceHost(_upstream, new Dictionary<string, string?>
        {
            ["ENV_FILE"] = _envFile,
            ["CACHE_QUOTE_TTL_SECONDS"] = "0",
        });
        _client = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
        File.Delete(_envFile);
    }

    [Fact]
    public async Task Features_ListEachWithStateReasonAndVariables()
    {
        var answer = await Answer.GetAsync(_client, "/api/config/features");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Json.GetProperty("envFile").GetProperty("found").GetBoolean());
        var pro = answer.Json.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "coingecko-pro");
        Assert.False(pro.GetProperty("enabled").GetBoolean());
        Assert.Equal("disabled: COINGECKO_PRO_API_KEY not set", pro.GetProperty("reason").GetString());
        Assert.Equal(["COINGECKO_PRO_API_KEY"], pro.GetProperty("missing").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["coingecko-pro"], pro.GetProperty("sources").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Feature_UnknownName_Is404Problem()
    {
        var answer = await Answer.GetAsync(_client, "/api/config/features/nosuch");

        string detail = answer.AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("coingecko-pro", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_ListsEachUnsetVariableWithItsFeature()
    {
        var answer = await Answer.GetAsync(_client, "/api/config/missing");

        var missing = answer.Json.GetProperty("missing").EnumerateArray()
            .Select(m => (m.GetProperty("variable").GetString(), m.GetProperty("feature").GetString())).ToList();
        Assert.Contains(("COINGECKO_PRO_API_KEY", "coingecko-pro"), missing);
        Assert.Contains(("ADMIN_TOKEN", "admin-token"), missing);
    }

    [Fact]
    public async Task DisabledFeature_WarnedOnceAtStart_SourceShownDisabledNotOffline()
    {
        var health = await Answer.GetAsync(_client, "/api/source-health/status/coingecko-pro");
        var pinned = await Answer.GetAsync(_client, "/api/quotes/BTC?source=coingecko-pro");
        var quote = await Answer.GetAsync(_client, "/api/quotes/BTC");

        var warnings = _host.Logs.GetSnapshot().Where(r => r.Id.Name == "FeatureDisabled").ToList();
        Assert.Single(warnings, w => w.Message.Contains("coingecko-pro", StringComparison.Ordinal)
                                     && w.Message.Contains("COINGECKO_PRO_API_KEY", StringComparison.Ordinal)
                                     && w.Level == LogLevel.Warning);
        Assert.Equal("DISABLED", health.Json.GetProperty("status").GetString());
        Assert.Contains("COINGECKO_PRO_API_KEY", health.Json.GetProperty("disabledReason").GetString(),
            StringComparison.Ordinal);
        Assert.Contains("disabled", pinned.AssertProblem(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal("coingecko", quote.Meta.GetProperty("source").GetString());
        Assert.Equal(0, _upstream.Calls("coingecko-pro"));
    }

    [Fact]
    public async Task Reload_FeatureGainsKey_EnabledAndItsSourceTakesTraffic()
    {
        await File.AppendAllTextAsync(_envFile, $"COINGECKO_PRO_API_KEY={ProKey}\n", TestContext.Current.CancellationToken);

        var reload = await Answer.SendAsync(_client, HttpMethod.Post, "/api/config/reload");
        var quote = await Answer.GetAsync(_client, "/api/quotes/BTC");

        Assert.Equal(HttpStatusCode.OK, reload.Status);
        Assert.Contains("feature coingecko-pro enabled",
            reload.Json.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("coingecko-pro", quote.Meta.GetProperty("source").GetString());
        Assert.Equal(ProKey, _upstream.LastHeaders("coingecko-pro")["x-cg-pro-api-key"]);
    }

    [Fact]
    public async Task Reload_FeatureLosesKey_DisabledAndItsSourceStops()
    {
        await File.AppendAllTextAsync(_envFile, $"COINGECKO_PRO_API_KEY={ProKey}\n", TestContext.Current.CancellationToken);
        await Answer.SendAsync(_client, HttpMethod.Post, "/api/config/reload");
        await File.WriteAllTextAsync(_envFile, "HEALTH_COOLDOWN_SECONDS=120\n", TestContext.Current.CancellationToken);

        var reload = await Answer.SendAsync(_client, HttpMethod.Post, "/api/config/reload");
        _upstream.ResetCounts();
        var quote = await Answer.GetAsync(_client, "/api/quotes/BTC");

        Assert.Contains("feature coingecko-pro disabled",
            reload.Json.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("coingecko", quote.Meta.GetProperty("source").GetString());
        Assert.Equal(0, _upstream.Calls("coingecko-pro"));
    }

    [Fact]
    public async Task Reload_ChangedSetting_ReportedAndInForce()
    {
        await File.WriteAllTextAsync(_envFile, "HEALTH_COOLDOWN_SECONDS=60\n", TestContext.Current.CancellationToken);

        var reload = await Answer.SendAsync(_client, HttpMethod.Post, "/api/config/reload");

        Assert.Equal(["HEALTH_COOLDOWN_SECONDS: 120 -> 60"],
            reload.Json.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("HEALTH_COOLDOWN_SECONDS=-5", "HEALTH_COOLDOWN_SECONDS=-5")]
    [InlineData("PORT=eighty", "PORT=eighty")]
    [InlineData("SOURCE_KRAKEN_ENABLED=maybe", "SOURCE_KRAKEN_ENABLED=maybe")]
    [InlineData("CORS_ORIGINS=not a url", "CORS_ORIGINS=not a url")]
    [InlineData("LOG_FORMAT=xml", "LOG_FORMAT=xml")]
    public async Task Reload_BadValue_Refused400AndRunningConfigurationKept(string line, string named)
    {
        await File.WriteAllTextAsync(_envFile, $"COINGECKO_PRO_API_KEY={ProKey}\n{line}\n",
            TestContext.Current.CancellationToken);

        var reload = await Answer.SendAsync(_client, HttpMethod.Post, "/api/config/reload");
        var features = await Answer.GetAsync(_client, "/api/config/features/coingecko-pro");

        string detail = reload.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(named, detail, StringComparison.Ordinal);
        Assert.False(features.Json.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Reload_FileThatDoesNotParse_Refused400()
    {
        await File.WriteAllTextAsync(_envFile, "GOOD=1\nBAD=\"never closed\n", TestContext.Current.CancellationToken);

        var reload = await Answer.SendAsync(_client, HttpMethod.Post, "/api/config/reload");

        string detail = reload.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("could not be read", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_WinsOverTheEnvFile()
    {
        var host = new CoinSourceHost(_upstream, new Dictionary<string, string?>
        {
            ["ENV_FILE"] = _envFile,
            ["HEALTH_COOLDOWN_SECONDS"] = "30",
        });
        await using var _ = host;
        await File.WriteAllTextAsync(_envFile, "HEALTH_COOLDOWN_SECONDS=90\n", TestContext.Current.CancellationToken);

        var reload = await Answer.SendAsync(host.Client(), HttpMethod.Post, "/api/config/reload");

        Assert.Empty(reload.Json.GetProperty("changes").EnumerateArray());
    }
}
