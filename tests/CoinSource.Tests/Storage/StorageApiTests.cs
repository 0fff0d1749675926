using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Market;
using CoinSource.Storage;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Storage;

/// <summary>
/// The store seen through the real HTTP stack: last good data survives a restart, stored candles report their
/// gaps, and uptime comes from stored health history. Run on SQLite and on PostgreSQL.
/// </summary>
public sealed class StorageApiTests : IAsyncLifetime
{
    private const string Source = "binance";

    private FakeUpstreamServer _upstream = null!;
    private FakeTimeProvider _clock = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _clock = new FakeTimeProvider(_upstream.Market.Now);
    }

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task Restart_EveryUpstreamFailing_LastGoodDataServedStaleWithItsAge(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);
        Answer freshQuote, freshCandles;
        await using (var first = Host(db))
        {
            var client = first.Client();
            freshQuote = await Answer.GetAsync(client, "/api/quotes/BTC?quote=USDT");
            freshCandles = await Answer.GetAsync(client, "/api/candles/BTC?quote=USDT&interval=1h&limit=5");
            Assert.False(freshQuote.Meta.GetProperty("stale").GetBoolean());
            Assert.Empty(freshCandles.Meta.GetProperty("gaps").EnumerateArray());
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        _upstream.Fail(Source, FailureMode.ServerError);
        await using var second = Host(db);
        var restarted = second.Client();
        var quote = await Answer.GetAsync(restarted, "/api/quotes/BTC?quote=USDT");
        var candles = await Answer.GetAsync(restarted, "/api/candles/BTC?quote=USDT&interval=1h&limit=5");

        foreach (var answer in new[] { quote, candles })
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.True(answer.Meta.GetProperty("stale").GetBoolean());
            Assert.Equal(300, answer.Meta.GetProperty("ageSeconds").GetDouble());
            Assert.Equal(Source, answer.Meta.GetProperty("source").GetString());
            Assert.Equal("failure", answer.Meta.GetProperty("attempts")[0].GetProperty("outcome").GetString());
        }

        Assert.Equal(freshQuote.Data.GetProperty("price").GetDecimal(), quote.Data.GetProperty("price").GetDecimal());
        Assert.Equal(freshCandles.Data.ToString(), candles.Data.ToString());
    }

    [Fact]
    public async Task Restart_StoredDataOlderThanMaxStaleAge_503()
    {
        await using var db = await StoreBackend.CreateAsync(StoreBackend.Sqlite);
        await using (var first = Host(db))
        {
            Assert.Equal(HttpStatusCode.OK, (await Answer.GetAsync(first.Client(), "/api/quotes/BTC?quote=USDT")).Status);
        }

        _clock.Advance(TimeSpan.FromHours(25));
        _upstream.Fail(Source, FailureMode.ServerError);
        await using var second = Host(db);

        var quote = await Answer.GetAsync(second.Client(), "/api/quotes/BTC?quote=USDT");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, quote.Status);
    }

    [Fact]
    public async Task Candles_StoredWithMissingHours_GapsListedInMeta()
    {
        await using var db = await StoreBackend.CreateAsync(StoreBackend.Sqlite);
        var start = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().ToUnixTimeSeconds() / 3600 * 3600 - (10 * 3600));
        int[] present = [1, 2, 5, 6, 9];
        await db.Store.WriteAsync([new CandlesWrite(new CandleSeries("BTC", "USDT", CandleInterval.OneHour), Source,
            _clock.GetUtcNow(), [.. present.Select(h => new Candle(start.AddHours(h), 10m, 11m, 9m, 10m, 1m))])], Token);
        _upstream.Fail(Source, FailureMode.ServerError);
        await using var host = Host(db);

        var answer = await Answer.GetAsync(host.Client(),
            $"/api/candles/BTC?quote=USDT&interval=1h&limit=10&start={start.ToUnixTimeSeconds()}");

        Assert.True(answer.Meta.GetProperty("stale").GetBoolean());
        Assert.Equal(5, answer.Data.GetArrayLength());
        var gaps = answer.Meta.GetProperty("gaps").EnumerateArray()
            .Select(g => ((g.GetProperty("from").GetDateTimeOffset() - start).TotalHours,
                (g.GetProperty("to").GetDateTimeOffset() - start).TotalHours, g.GetProperty("missing").GetInt32()))
            .ToList();
        Assert.Equal([(0, 0, 1), (3, 4, 2), (7, 8, 2)], gaps);
    }

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task Uptime_OfflineForAnHourOfTwo_FiftyPercentFromStoredHistory(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);
        var settings = db.HostSettings();
        settings["CACHE_QUOTE_TTL_SECONDS"] = "0";
        settings["HEALTH_COOLDOWN_SECONDS"] = "86400";
        await using var host = new CoinSourceHost(_upstream, settings, _clock, only: [Source]);
        var client = host.Client();

        await Answer.GetAsync(client, "/api/quotes/BTC?quote=USDT");
        _upstream.Fail(Source, FailureMode.ServerError);
        for (int i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Answer.GetAsync(client, "/api/quotes/BTC?quote=USDT");
        }

        _clock.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal(HttpStatusCode.OK, (await Answer.SendAsync(client, HttpMethod.Post, $"/api/source-health/reset/{Source}")).Status);
        _clock.Advance(TimeSpan.FromMinutes(57));

        Answer uptime = null!;
        await Eventually.TrueAsync(() =>
        {
            uptime = Answer.GetAsync(client, "/api/source-health/uptime").GetAwaiter().GetResult();
            // The writer commits in the background: wait until the reset closes the OFFLINE hour.
            return Window(uptime, "uptime24h").GetProperty("offlineSeconds").GetDouble() == 3600;
        }, "the reset is stored");

        var day = Window(uptime, "uptime24h");
        Assert.Equal(50, day.GetProperty("uptimePercent").GetDouble());
        Assert.Equal(7200, day.GetProperty("coveredSeconds").GetDouble());
        Assert.Equal(3600, day.GetProperty("offlineSeconds").GetDouble());
        Assert.Equal(120, day.GetProperty("degradedSeconds").GetDouble());
        Assert.Equal(4, day.GetProperty("attempts").GetInt32());
        Assert.Equal(3, day.GetProperty("failures").GetInt32());
        Assert.Equal(day.ToString(), Window(uptime, "uptime7d").ToString());

        var one = await Answer.GetAsync(client, $"/api/source-health/status/{Source}");
        Assert.Equal(50, one.Json.GetProperty("uptime24h").GetProperty("uptimePercent").GetDouble());
        Assert.Equal(50, one.Json.GetProperty("uptime7d").GetProperty("uptimePercent").GetDouble());
    }

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task Status_StorageBlock_BackendAndCommitsWithoutConnectionString(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);
        await using var host = Host(db);
        var client = host.Client();
        await Answer.GetAsync(client, "/api/quotes/BTC?quote=USDT");

        Answer status = null!;
        await Eventually.TrueAsync(() =>
        {
            status = Answer.GetAsync(client, "/api/status").GetAwaiter().GetResult();
            return status.Json.GetProperty("storage").GetProperty("committedWrites").GetInt64() > 0;
        }, "the quote is committed");

        var storage = status.Json.GetProperty("storage");
        Assert.StartsWith(backend + " ", storage.GetProperty("backend").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", storage.GetProperty("state").GetString());
        Assert.DoesNotContain("Username", status.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, storage.GetProperty("droppedWrites").GetInt64());
    }

    [Fact]
    public async Task News_ServedFresh_HeadlinesStored()
    {
        await using var db = await StoreBackend.CreateAsync(StoreBackend.Sqlite);
        await using var host = new CoinSourceHost(_upstream, db.HostSettings(), _clock, only: ["news-coindesk"]);

        var news = await Answer.GetAsync(host.Client(), "/api/news?limit=100");

        int served = news.Data.GetArrayLength();
        Assert.True(served > 0, news.Text);

        // Every headline the feed served is kept, by link: at least those answered.
        await Eventually.TrueAsync(() => db.Store.CountNewsAsync(Token).GetAwaiter().GetResult() >= served,
            "the headlines are committed");
    }

    [Fact]
    public async Task PostgresUnreachable_ServesFreshData_UptimeIs503_SecretNeverLogged()
    {
        int closedPort = ClosedPort();
        await using var host = new CoinSourceHost(_upstream, new Dictionary<string, string?>
        {
            ["POSTGRES_CONNECTION_STRING"] =
                $"Host=127.0.0.1;Port={closedPort};Database=x;Username=u;Password=hunter2secret;Timeout=3",
        }, _clock, only: [Source]);
        var client = host.Client();

        var quote = await Answer.GetAsync(client, "/api/quotes/BTC?quote=USDT");
        var uptime = await Answer.GetAsync(client, "/api/source-health/uptime");
        await Eventually.TrueAsync(() => host.LogText().Contains("StorageWriteFailed", StringComparison.Ordinal)
            || host.LogText().Contains("cannot be opened", StringComparison.Ordinal), "the failure is logged");
        var status = await Answer.GetAsync(client, "/api/status");

        Assert.Equal(HttpStatusCode.OK, quote.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, uptime.Status);
        Assert.Equal("application/problem+json", uptime.ContentType);
        Assert.StartsWith($"postgresql 127.0.0.1:{closedPort}/x",
            status.Json.GetProperty("storage").GetProperty("backend").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", host.LogText(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", status.Text + uptime.Text, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static System.Text.Json.JsonElement Window(Answer uptime, string window) =>
        uptime.Json.EnumerateArray().Single(s => s.GetProperty("source").GetString() == Source).GetProperty(window);

    private CoinSourceHost Host(StoreBackend db) => new(_upstream, db.HostSettings(), _clock, only: [Source]);
}
