using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Health;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoinSource.Tests.Sharing;

/// <summary>
/// Redis is a help, never a dependency: killed under running instances, or absent at their start, they keep serving
/// from local state, say so once in the log and in /api/status, and resume sharing when it is back.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private const string LostLine = "Redis unavailable";
    private const string BackLine = "Redis available again";

    private FakeUpstreamServer _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task RedisKilled_BothInstancesKeepServing_LossAndRecoveryLoggedOnce()
    {
        Requires.That(RedisServer.Find() is not null, "redis-server is not installed (apt-get install redis-server)");
        await using var redis = await RedisServer.StartAsync(RedisServer.Find()!);
        await using var pair = await InstancePair.StartAsync(_upstream, redis.ConnectionString,
            new Dictionary<string, string?> { ["CACHE_QUOTE_TTL_SECONDS"] = "0" }, ["coingecko", "kraken"]);

        await redis.KillAsync();
        await Eventually.TrueAsync(() => !InstancePair.Link(pair.A).IsConnected && !InstancePair.Link(pair.B).IsConnected,
            "both instances notice that Redis is gone");
        await Eventually.TrueAsync(() => Count(pair.A, LostLine) > 0 && Count(pair.B, LostLine) > 0,
            "both instances log the loss");
        var answers = new List<Answer>();
        for (int i = 0; i < 10; i++)
        {
            answers.Add(await Answer.GetAsync(i % 2 == 0 ? pair.ClientA : pair.ClientB, "/api/quotes/BTC"));
        }

        var status = await Answer.GetAsync(pair.ClientA, "/api/status");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Equal("coingecko", a.Meta.GetProperty("source").GetString()));
        Assert.Equal(10, _upstream.Calls("coingecko"));
        Assert.Equal("degraded", status.Json.GetProperty("status").GetString());
        var service = status.Json.GetProperty("services")[0];
        Assert.Equal("unavailable", service.GetProperty("state").GetString());
        Assert.Equal(1, Count(pair.A, LostLine));
        Assert.Equal(1, Count(pair.B, LostLine));

        await redis.StartAgainAsync();
        await Eventually.TrueAsync(() => InstancePair.Link(pair.A).IsConnected && InstancePair.Link(pair.B).IsConnected,
            "both instances reconnect");
        // The recovery line is written just after the link turns connected: wait for it rather than race it.
        await Eventually.TrueAsync(() => Count(pair.A, BackLine) > 0 && Count(pair.B, BackLine) > 0,
            "both instances log the recovery");
        var after = await Answer.GetAsync(pair.ClientB, "/api/status");

        Assert.Equal("connected", after.Json.GetProperty("services")[0].GetProperty("state").GetString());
        Assert.Equal(1, Count(pair.A, BackLine));
        Assert.Equal(1, Count(pair.B, BackLine));
        Assert.Equal(1, Count(pair.A, LostLine));

        // Sharing has resumed: what A learns now, B learns too.
        _upstream.Fail("coingecko", FailureMode.ServerError);
        for (int i = 0; i < 3; i++)
        {
            await Answer.GetAsync(pair.ClientA, "/api/quotes/BTC?source=coingecko");
        }

        await Eventually.TrueAsync(() => pair.B.Services.GetRequiredService<SourceHealthTracker>()
            .StateOf("coingecko") == SourceState.Offline, "B learns what A saw after Redis came back");
    }

    [Fact]
    public async Task RedisUnreachableAtStart_InstanceServesWithLocalState()
    {
        string nowhere = $"127.0.0.1:{RedisServer.FreePort()}";
        await using var host = InstancePair.Host(_upstream, nowhere, "unreachable", "alone",
            new Dictionary<string, string?> { ["CACHE_QUOTE_TTL_SECONDS"] = "300" }, ["coingecko", "kraken"]);
        var client = host.Client();

        var first = await Answer.GetAsync(client, "/api/quotes/BTC");
        var second = await Answer.GetAsync(client, "/api/quotes/BTC");
        await Eventually.TrueAsync(() => Count(host, LostLine) == 1, "the instance logs that Redis is unavailable");
        var status = await Answer.GetAsync(client, "/api/status");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(second.Meta.GetProperty("cached").GetBoolean());
        Assert.Equal(1, _upstream.Calls("coingecko"));
        Assert.Equal("alone", status.Json.GetProperty("instance").GetString());
        Assert.Equal("unavailable", status.Json.GetProperty("services")[0].GetProperty("state").GetString());
        Assert.DoesNotContain(nowhere, status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRedisConfigured_EverythingInProcess_StatusSaysOff()
    {
        await using var host = new CoinSourceHost(_upstream, only: ["coingecko", "kraken"]);
        var client = host.Client();

        var quote = await Answer.GetAsync(client, "/api/quotes/BTC");
        var status = await Answer.GetAsync(client, "/api/status");
        var feature = await Answer.GetAsync(client, "/api/config/features/redis");

        Assert.Equal(HttpStatusCode.OK, quote.Status);
        Assert.Equal("healthy", status.Json.GetProperty("status").GetString());
        Assert.Equal("off", status.Json.GetProperty("services")[0].GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(status.Json.GetProperty("instance").GetString()));
        Assert.Equal(HttpStatusCode.OK, feature.Status);
        Assert.Contains("REDIS_CONNECTION_STRING", feature.Text, StringComparison.Ordinal);
        Assert.Equal(0, Count(host, LostLine) + Count(host, "Redis connected"));
        Assert.Equal(1, Count(host, "feature redis is disabled"));
    }

    private static int Count(CoinSourceHost host, string text) =>
        host.Logs.GetSnapshot().Count(r => r.Message.Contains(text, StringComparison.Ordinal));
}
