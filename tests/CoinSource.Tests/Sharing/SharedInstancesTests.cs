using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Health;
using CoinSource.Telemetry;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoinSource.Tests.Sharing;

/// <summary>
/// Two instances sharing a real Redis, through HTTP against the same fake upstreams: one instance's fetch, its
/// verdict on a source, its spent budget and its decisions are the other's too.
/// </summary>
public sealed class SharedInstancesTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private const string First = "coingecko";
    private const string Second = "kraken";

    private FakeUpstreamServer _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task SharedCache_AFetched_BAnswersFromItWithoutCallingAnySource()
    {
        await using var pair = await PairAsync(new() { ["CACHE_QUOTE_TTL_SECONDS"] = "300" });
        var before = DateTimeOffset.UtcNow;
        var fromA = await Answer.GetAsync(pair.ClientA, "/api/quotes/BTC");
        int callsAfterA = _upstream.TotalCalls;

        var fromB = await Answer.GetAsync(pair.ClientB, "/api/quotes/BTC");

        Assert.Equal(HttpStatusCode.OK, fromB.Status);
        Assert.Equal(1, callsAfterA);
        Assert.Equal(callsAfterA, _upstream.TotalCalls);
        Assert.False(fromA.Meta.GetProperty("cached").GetBoolean());
        Assert.True(fromB.Meta.GetProperty("cached").GetBoolean());
        Assert.False(fromB.Meta.GetProperty("stale").GetBoolean());
        Assert.Empty(fromB.Meta.GetProperty("attempts").EnumerateArray());
        Assert.Equal(First, fromB.Meta.GetProperty("source").GetString());

        // The fetch time travels with the value, so B's age counts from A's fetch, not from B's read.
        var fetchedOnB = fromB.Meta.GetProperty("fetchedAt").GetDateTimeOffset();
        Assert.InRange(fetchedOnB, before, fromA.Meta.GetProperty("fetchedAt").GetDateTimeOffset());
        Assert.True(fromB.Meta.GetProperty("ageSeconds").GetDouble() >= 0);
        Assert.Equal(fromA.Data.GetRawText(), fromB.Data.GetRawText());
    }

    [Theory]
    [InlineData("/api/candles/BTC?interval=1h&limit=24")]
    [InlineData("/api/coins/top?limit=5")]
    [InlineData("/api/quotes/BTC?mode=consensus")]
    [InlineData("/api/gas?chain=ethereum")]
    [InlineData("/api/news?limit=10")]
    [InlineData("/api/sentiment/fear-greed")]
    public async Task SharedCache_EveryKind_BServesExactlyWhatAFetched(string path)
    {
        // Every source on, so that each kind has its own.
        await using var pair = await InstancePair.StartAsync(_upstream, redis.Require().ConnectionString,
            new Dictionary<string, string?>
            {
                ["CACHE_QUOTE_TTL_SECONDS"] = "300", ["CACHE_CANDLES_TTL_SECONDS"] = "300",
                ["CACHE_TOP_COINS_TTL_SECONDS"] = "300", ["CACHE_GAS_TTL_SECONDS"] = "300",
                ["CACHE_NEWS_TTL_SECONDS"] = "300", ["CACHE_FEAR_GREED_TTL_SECONDS"] = "300",
            });
        var fromA = await Answer.GetAsync(pair.ClientA, path);
        int callsAfterA = _upstream.TotalCalls;

        var fromB = await Answer.GetAsync(pair.ClientB, path);

        Assert.Equal(HttpStatusCode.OK, fromA.Status);
        Assert.Equal(HttpStatusCode.OK, fromB.Status);
        Assert.True(callsAfterA > 0);
        Assert.Equal(callsAfterA, _upstream.TotalCalls);
        Assert.Equal(fromA.Data.GetRawText(), fromB.Data.GetRawText());
    }

    [Fact]
    public async Task SharedHealth_AFindsSourceOffline_BSkipsItWithoutASingleCall()
    {
        await using var pair = await PairAsync(new() { ["CACHE_QUOTE_TTL_SECONDS"] = "0" });
        await FailThreeTimesOnAAsync(pair);

        await Eventually.TrueAsync(() => StateOn(pair.B) == "OFFLINE", "B learns that coingecko is OFFLINE");
        _upstream.ResetCounts();
        var answers = new List<Answer>();
        for (int i = 0; i < 3; i++)
        {
            answers.Add(await Answer.GetAsync(pair.ClientB, "/api/quotes/BTC"));
        }

        Assert.Equal(0, _upstream.Calls(First));
        Assert.All(answers, a => Assert.Equal(Second, a.Meta.GetProperty("source").GetString()));
        var skip = answers[0].Meta.GetProperty("attempts")[0];
        Assert.Equal("skipped", skip.GetProperty("outcome").GetString());
        Assert.StartsWith("OFFLINE until", skip.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("seen by instance a", skip.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Both instances wait for the same cooldown end.
        var healthA = await Answer.GetAsync(pair.ClientA, $"/api/source-health/status/{First}");
        var healthB = await Answer.GetAsync(pair.ClientB, $"/api/source-health/status/{First}");
        Assert.Equal(healthA.Json.GetProperty("health").GetProperty("cooldownUntil").GetDateTimeOffset(),
            healthB.Json.GetProperty("health").GetProperty("cooldownUntil").GetDateTimeOffset());

        // B's feed says where the verdict came from; A's feed has its own change once, not echoed back by B.
        var adopted = Assert.Single(InstancePair.Activity(pair.B),
            e => e is { Kind: ActivityKind.StateChange, Source: First, Instance: "b" });
        Assert.Equal("a", adopted.ReportedBy);
        var seen = Assert.Single(InstancePair.Activity(pair.A), e => e is { Kind: ActivityKind.StateChange, Source: First }
            && e.Outcome == "OFFLINE");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"OFFLINE on a to OFFLINE on b: {(adopted.At - seen.At).TotalMilliseconds:F1} ms");
    }

    [Fact]
    public async Task SharedHealth_CooldownEnds_OneInstanceProbesAndBothReturnToHealthy()
    {
        await using var pair = await PairAsync(new()
        {
            ["CACHE_QUOTE_TTL_SECONDS"] = "0", ["HEALTH_COOLDOWN_SECONDS"] = "2", ["HEALTH_PROBE_JITTER_SECONDS"] = "0",
        });
        await FailThreeTimesOnAAsync(pair);

        await Eventually.TrueAsync(() => StateOn(pair.B) == "OFFLINE", "B learns that coingecko is OFFLINE");
        _upstream.Heal(First);
        _upstream.ResetCounts();

        await Eventually.TrueAsync(() => StateOn(pair.A) == "HEALTHY" && StateOn(pair.B) == "HEALTHY",
            "the probe brings coingecko back on both instances");

        Assert.Equal(1, _upstream.Calls(First));

        // One probe, in both feeds under the name of the instance that made it.
        await Eventually.TrueAsync(() => ProbesOn(pair.A).Count == 1 && ProbesOn(pair.B).Count == 1,
            "both feeds have the probe");
        Assert.Equal(ProbesOn(pair.A)[0].Instance, ProbesOn(pair.B)[0].Instance);
        Assert.Equal("success", ProbesOn(pair.A)[0].Outcome);
    }

    [Fact]
    public async Task SharedQuota_TwoInstances_TogetherStayWithinOneBudget()
    {
        await using var pair = await PairAsync(new()
        {
            ["CACHE_QUOTE_TTL_SECONDS"] = "0", ["SOURCE_COINGECKO_BUDGET"] = "5/3600",
        });

        // One after the other: concurrent requests for the same quote would share one fetch per instance.
        var answers = new List<Answer>();
        for (int i = 0; i < 16; i++)
        {
            answers.Add(await Answer.GetAsync(i % 2 == 0 ? pair.ClientA : pair.ClientB, "/api/quotes/BTC"));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(5, _upstream.Calls(First));
        Assert.Equal(11, answers.Count(a => a.Meta.GetProperty("source").GetString() == Second));
        var skipped = answers.First(a => a.Meta.GetProperty("source").GetString() == Second)
            .Meta.GetProperty("attempts")[0];
        Assert.StartsWith("request budget of 5/3600 spent by all instances together",
            skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedActivity_EachFeedHasTheOthersEventsOnceTaggedWithTheirInstance()
    {
        await using var pair = await PairAsync(new() { ["CACHE_QUOTE_TTL_SECONDS"] = "0" });

        await Answer.GetAsync(pair.ClientA, "/api/quotes/BTC");
        await Answer.GetAsync(pair.ClientB, "/api/quotes/ETH");

        const string ServedOnA = "quote BTC/USD served by coingecko";
        const string ServedOnB = "quote ETH/USD served by coingecko";
        await Eventually.TrueAsync(() => InstancePair.Activity(pair.B).Any(e => e.Message == ServedOnA)
            && InstancePair.Activity(pair.A).Any(e => e.Message == ServedOnB), "each feed has the other's event");
        var onB = Assert.Single(InstancePair.Activity(pair.B), e => e.Message == ServedOnA);
        var onA = Assert.Single(InstancePair.Activity(pair.A), e => e.Message == ServedOnB);
        Assert.Equal("a", onB.Instance);
        Assert.Equal("b", onA.Instance);
        Assert.Equal(ActivityKind.Served, onB.Kind);
        Assert.Equal(First, onB.Source);
        Assert.All([pair.A, pair.B], host =>
        {
            var ids = InstancePair.Activity(host).Select(e => e.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        });
    }

    [Fact]
    public async Task Status_ShowsInstanceAndConnectedRedis_NeverTheConnectionString()
    {
        await using var pair = await PairAsync(new());

        var status = await Answer.GetAsync(pair.ClientA, "/api/status");
        var features = await Answer.GetAsync(pair.ClientA, "/api/config/features");

        Assert.Equal("a", status.Json.GetProperty("instance").GetString());
        var service = Assert.Single(status.Json.GetProperty("services").EnumerateArray());
        Assert.Equal("redis", service.GetProperty("name").GetString());
        Assert.Equal("connected", service.GetProperty("state").GetString());
        Assert.DoesNotContain(redis.Server!.ConnectionString, status.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(redis.Server!.ConnectionString, features.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(redis.Server!.ConnectionString, pair.A.LogText(), StringComparison.Ordinal);
    }

    /// <summary>Three failed calls pinned to the first source, so that no failover spares it: OFFLINE on A.</summary>
    private async Task FailThreeTimesOnAAsync(InstancePair pair)
    {
        _upstream.Fail(First, FailureMode.ServerError);
        for (int i = 0; i < 3; i++)
        {
            await Answer.GetAsync(pair.ClientA, $"/api/quotes/BTC?source={First}");
        }

        Assert.Equal(3, _upstream.Calls(First));
        Assert.Equal("OFFLINE", StateOn(pair.A));
    }

    private async Task<InstancePair> PairAsync(Dictionary<string, string?> settings) =>
        await InstancePair.StartAsync(_upstream, redis.Require().ConnectionString, settings, [First, Second]);

    private static string StateOn(CoinSourceHost host) =>
        host.Services.GetRequiredService<SourceHealthTracker>().StateOf(First).ToString().ToUpperInvariant();

    private static List<ActivityEvent> ProbesOn(CoinSourceHost host) =>
        [.. InstancePair.Activity(host).Where(e => e is { Kind: ActivityKind.Probe, Source: First })];
}
