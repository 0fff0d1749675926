using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sharing;

/// <summary>
/// Two CoinSource processes sharing Redis and PostgreSQL behind one address. One is killed with SIGKILL under steady
/// concurrent load of quotes and candles (whose answers both write to the shared store); every request that was not
/// in flight on it at that moment is answered with a 200.
/// </summary>
public sealed class MultiInstanceTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const int Workers = 8;
    private const int RequestsBeforeKill = 120;
    private const int RequestsAfterKill = 120;

    [Fact]
    public async Task OneInstanceKilledUnderLoad_EveryRequestNotInFlightOnItIsAnswered()
    {
        string connection = redis.Require().ConnectionString;
        string database = await (await PostgresServer.RequireAsync()).NewDatabaseAsync();
        await using var upstream = await FakeUpstreamServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["REDIS_CONNECTION_STRING"] = connection,
            ["POSTGRES_CONNECTION_STRING"] = database,
            ["REDIS_KEY_PREFIX"] = $"test-{Guid.NewGuid():N}",
            ["REDIS_TIMEOUT_MS"] = "5000",
            ["UPSTREAM_TIMEOUT_MS"] = "10000",
            ["CACHE_QUOTE_TTL_SECONDS"] = "1",
            ["LOG_LEVEL"] = "warning",

            // The balancer is one client address: a per-address limit would answer 429 under this load.
            ["RATE_LIMIT_PER_MINUTE"] = "0",
        };
        string[] only = ["coingecko", "kraken"];
        await using var a = await CoinSourceProcess.StartAsync(upstream, only, With(settings, "INSTANCE_NAME", "a"));
        await using var b = await CoinSourceProcess.StartAsync(upstream, only, With(settings, "INSTANCE_NAME", "b"));
        await WaitForRedisAsync(a);
        await WaitForRedisAsync(b);
        await using var balancer = await LoopbackBalancer.StartAsync(a.Address, b.Address);
        using var client = new HttpClient { BaseAddress = balancer.Address, Timeout = TimeSpan.FromSeconds(60) };

        var results = new ConcurrentDictionary<string, HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers).Select(w => LoadAsync(client, w, results, stop.Token)).ToList();

        await Eventually.TrueAsync(() => results.Count >= RequestsBeforeKill, "load reaches both instances", 120_000);
        long killFrom = Stopwatch.GetTimestamp();
        await a.KillAsync();
        long killTo = Stopwatch.GetTimestamp();
        int atKill = results.Count;
        await Eventually.TrueAsync(() => results.Count >= atKill + RequestsAfterKill, "load goes on after the kill",
            120_000);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var inFlightOnKilled = balancer.Attempts
            .Where(t => t.Backend == 0 && t.RanDuring(killFrom, killTo))
            .Select(t => t.RequestId)
            .ToHashSet();
        var failed = results.Where(r => r.Value != HttpStatusCode.OK).Select(r => r.Key).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{results.Count} requests, {inFlightOnKilled.Count} in flight on the killed instance, "
            + $"{failed.Count} not answered with 200, {balancer.Attempts.Count(t => t.Retried)} retried elsewhere; "
            + string.Join(", ", results.Values.GroupBy(v => v).Select(g => $"{g.Key}: {g.Count()}")));

        var survivor = (await b.TryGetAsync("/api/status"))?.Json.GetProperty("storage");
        Assert.StartsWith("postgresql", survivor?.GetProperty("backend").GetString());
        Assert.Equal("ok", survivor?.GetProperty("state").GetString());
        Assert.True(a.HasExited);
        Assert.DoesNotContain(failed, id => !inFlightOnKilled.Contains(id));
        Assert.Contains(balancer.Attempts, t => t.Backend == 0 && !t.Retried);
        Assert.Contains(balancer.Attempts, t => t.Backend == 1 && t.Started > killTo);
    }

    private static async Task LoadAsync(HttpClient client, int worker,
        ConcurrentDictionary<string, HttpStatusCode> results, CancellationToken stop)
    {
        string[] symbols = ["BTC", "ETH", "SOL"];
        for (int i = 0; !stop.IsCancellationRequested; i++)
        {
            string id = $"{worker}-{i}";
            string symbol = symbols[i % symbols.Length];
            string path = i % 4 == 3 ? $"/api/candles/{symbol}?interval=1h&limit=24" : $"/api/quotes/{symbol}";
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Request-Id", id);
            try
            {
                using var response = await client.SendAsync(request, CancellationToken.None);
                results[id] = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                results[id] = 0;
            }
        }
    }

    private static async Task WaitForRedisAsync(CoinSourceProcess instance)
    {
        var watch = Stopwatch.StartNew();
        while ((await instance.TryGetAsync("/api/status"))?.Json.GetProperty("services")[0].GetProperty("state")
            .GetString() != "connected")
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"{instance.Address} did not connect to Redis");
            await Task.Delay(100);
        }
    }

    private static Dictionary<string, string> With(Dictionary<string, string> settings, string name, string value) =>
        new(settings) { [name] = value };
}
