using CoinSource.Health;
using CoinSource.Market;
using CoinSource.News;
using CoinSource.Storage;

namespace CoinSource.Tests.Storage;

/// <summary>The store's contract, run against SQLite and against a real PostgreSQL server alike.</summary>
public sealed class MarketStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CandleSeries Btc1h = new("BTC", "USDT", CandleInterval.OneHour);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task Migrate_Twice_SchemaAtVersionOneOnce(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);

        await db.Store.WriteAsync([Candles(Candle(0, 100m))], Token);
        await using var again = db.Reopen();
        await again.MigrateAsync(Token);

        Assert.Equal(1, await again.CountCandlesAsync(Btc1h, T0, T0.AddHours(1), Token));
        Assert.Equal([1], await again.SchemaVersionsAsync(Token));
    }

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task Candles_SameOpenTimeTwice_OneRowHoldingTheLaterValues(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);

        await db.Store.WriteAsync([Candles(Candle(0, 100m), Candle(1, 101m))], Token);
        await db.Store.WriteAsync([new CandlesWrite(Btc1h, "kraken", T0.AddHours(5), [Candle(1, 105.12345678m)])],
            Token);

        var stored = await db.Store.CandlesAsync(Btc1h, T0, null, 10, Token);
        Assert.NotNull(stored);
        Assert.Equal(2, stored.Candles.Count);
        Assert.Equal(105.12345678m, stored.Candles[1].Open);
        Assert.Equal("kraken", stored.Source);
        Assert.Equal(T0.AddHours(5), stored.FetchedAt);
    }

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task Candles_BreakingOhlcRules_RefusedWithReasonOthersKept(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);
        var broken = new Candle(T0.AddHours(1), 100m, 90m, 95m, 99m, 1m);

        var refused = await db.Store.WriteAsync([Candles(Candle(0, 100m), broken, Candle(2, 102m))], Token);

        string reason = Assert.Single(refused);
        Assert.Contains("high 90 below low 95", reason, StringComparison.Ordinal);
        Assert.Equal(2, await db.Store.CountCandlesAsync(Btc1h, T0, T0.AddHours(3), Token));
    }

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task Candles_FromStartOrLatest_LikeTheApi(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);
        await db.Store.WriteAsync([Candles([.. Enumerable.Range(0, 10).Select(i => Candle(i, 100m + i))])], Token);

        var first = await db.Store.CandlesAsync(Btc1h, T0.AddHours(2), null, 3, Token);
        var latest = await db.Store.CandlesAsync(Btc1h, null, T0.AddHours(8), 3, Token);

        Assert.Equal([102m, 103m, 104m], first!.Candles.Select(c => c.Open));
        Assert.Equal([106m, 107m, 108m], latest!.Candles.Select(c => c.Open));
        Assert.Null(await db.Store.CandlesAsync(Btc1h with { QuoteCurrency = "EUR" }, null, null, 3, Token));
    }

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task ReadCandles_MoreThanOnePage_EveryCandleOnceInOrder(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);
        var candles = Enumerable.Range(0, 12_000).Select(i => Candle(i, 100m + (i % 50))).ToList();
        await db.Store.WriteAsync([Candles([.. candles])], Token);

        List<Candle> read = [];
        await foreach (var candle in db.Store.ReadCandlesAsync(Btc1h, T0, T0.AddHours(12_000), Token))
        {
            read.Add(candle);
        }

        Assert.Equal(candles, read);
    }

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task Quote_StoredAndReplaced_ExactDecimalsAndNulls(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);
        var quote = new Quote
        {
            Symbol = "ETH", QuoteCurrency = "EUR", Price = 2999.87654321m, Change24hPercent = -1.25m,
            Timestamp = T0,
        };

        await db.Store.WriteAsync([new QuoteWrite(quote with { Price = 1m }, "kraken", T0)], Token);
        await db.Store.WriteAsync([new QuoteWrite(quote, "coinbase", T0.AddSeconds(30))], Token);

        var stored = await db.Store.LastQuoteAsync("ETH", "EUR", Token);
        Assert.Equal(quote, stored!.Quote);
        Assert.Equal("coinbase", stored.Source);
        Assert.Equal(T0.AddSeconds(30), stored.FetchedAt);
        Assert.Null(await db.Store.LastQuoteAsync("ETH", "USD", Token));
    }

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task Transitions_SinceWindow_IncludeTheLastOneBeforeItPerSource(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);
        await db.Store.WriteAsync(
        [
            Transition("binance", -120, SourceState.Healthy, SourceState.Degraded),
            Transition("binance", -90, SourceState.Degraded, SourceState.Offline),
            Transition("kraken", -80, SourceState.Healthy, SourceState.Degraded),
            Transition("binance", 10, SourceState.Offline, SourceState.Healthy),
        ], Token);

        var since = await db.Store.TransitionsAsync(T0, Token);

        // Oldest first: binance's last change before the window, kraken's, then binance's change inside it.
        Assert.Equal(["binance -90 Offline", "kraken -80 Degraded", "binance 10 Healthy"],
            since.Select(t => $"{t.Source} {(t.At - T0).TotalMinutes} {t.To}"));
    }

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task NewsAndAttempts_Stored(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);
        var story = new NewsItem("Bitcoin rises", new Uri("https://news.example/a"), "news-coindesk", "CoinDesk", T0, "");

        await db.Store.WriteAsync([new NewsWrite([story, story with { Link = new Uri("https://news.example/b") }], T0)],
            Token);
        await db.Store.WriteAsync([new NewsWrite([story with { Title = "Bitcoin rises again" }], T0),
            new AttemptWrite("binance", T0, true, 12.5), new AttemptWrite("binance", T0.AddDays(-9), false, 5000)],
            Token);

        Assert.Equal(2, await db.Store.CountNewsAsync(Token));
        var attempt = Assert.Single(await db.Store.AttemptsAsync(T0.AddDays(-7), Token));
        Assert.Equal(new StoredAttempt("binance", T0, true, 12.5), attempt);
        await db.Store.PruneAttemptsAsync(T0.AddDays(-8), Token);
        Assert.Single(await db.Store.AttemptsAsync(DateTimeOffset.UnixEpoch, Token));
    }

    [Theory]
    [MemberData(nameof(StoreBackend.Both), MemberType = typeof(StoreBackend))]
    public async Task Write_BatchFailingHalfway_NothingOfItStored(string backend)
    {
        await using var db = await StoreBackend.CreateAsync(backend);
        var quote = new Quote { Symbol = "BTC", QuoteCurrency = "USD", Price = 1m, Timestamp = T0 };

        await Assert.ThrowsAsync<ArgumentException>(() => db.Store.WriteAsync(
            [new QuoteWrite(quote, "kraken", T0), Candles(Candle(0, 100m)), new UnknownWrite()], Token));

        Assert.Null(await db.Store.LastQuoteAsync("BTC", "USD", Token));
        Assert.Equal(0, await db.Store.CountCandlesAsync(Btc1h, T0, T0.AddHours(1), Token));
    }

    internal static CandlesWrite Candles(params Candle[] candles) => new(Btc1h, "binance", T0, candles);

    internal static Candle Candle(int hour, decimal open) =>
        new(T0.AddHours(hour), open, open + 2m, open - 1m, open + 1m, 10.5m);

    private static TransitionWrite Transition(string source, int minutes, SourceState from, SourceState to) =>
        new(source, new StateTransition(T0.AddMinutes(minutes), from, to, "test"));

    /// <summary>A write the store does not know: it fails the batch after the writes before it ran.</summary>
    private sealed record UnknownWrite : StoreWrite;
}
