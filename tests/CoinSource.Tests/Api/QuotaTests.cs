using System.Net;
using System.Text.Json;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>Quota-aware routing through HTTP: a source never gets more than its budget; the next one serves.</summary>
public sealed class QuotaTests : IAsyncLifetime
{
    private FakeUpstreamServer _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Budget_Spent_NextSourceServesWithoutCallingTheSpentOne()
    {
        await using var host = Host("3/60");
        var client = host.Client();

        var answers = new List<Answer>();
        for (int i = 0; i < 5; i++)
        {
            answers.Add(await Answer.GetAsync(client, "/api/quotes/BTC"));
        }

        var health = await Answer.GetAsync(client, "/api/source-health/status/coingecko");

        Assert.Equal(3, _upstream.Calls("coingecko"));
        Assert.Equal(["coingecko", "coingecko", "coingecko", "kraken", "kraken"],
            answers.Select(a => a.Meta.GetProperty("source").GetString()));
        var skip = answers[3].Meta.GetProperty("attempts")[0];
        Assert.Equal("skipped", skip.GetProperty("outcome").GetString());
        Assert.StartsWith("request budget of 3/60 spent", skip.GetProperty("reason").GetString(),
            StringComparison.Ordinal);
        var budget = health.Json.GetProperty("health").GetProperty("budget");
        Assert.Equal("3/60", budget.GetProperty("limit").GetString());
        Assert.Equal(0, budget.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task RateLimitHeaders_SayNoneLeft_SourceSkippedBeforeIt429s()
    {
        _upstream.LimitAfter("coingecko", 2, TimeSpan.FromSeconds(60));
        await using var host = Host("100/60");
        var client = host.Client();

        var answers = new List<Answer>();
        for (int i = 0; i < 4; i++)
        {
            answers.Add(await Answer.GetAsync(client, "/api/quotes/BTC"));
        }

        var health = await Answer.GetAsync(client, "/api/source-health/status/coingecko");

        Assert.Equal(2, _upstream.Calls("coingecko"));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal("kraken", answers[3].Meta.GetProperty("source").GetString());
        Assert.StartsWith("the upstream said its budget is spent until",
            answers[2].Meta.GetProperty("attempts")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var state = health.Json.GetProperty("health");
        Assert.Equal("HEALTHY", state.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.String, state.GetProperty("budget").GetProperty("blockedUntil").ValueKind);
    }

    private CoinSourceHost Host(string budget) =>
        new(_upstream, new Dictionary<string, string?>
        {
            ["CACHE_QUOTE_TTL_SECONDS"] = "0",
            ["SOURCE_COINGECKO_BUDGET"] = budget,
        }, only: ["coingecko", "kraken"]);
}
