using CoinSource.Health;
using CoinSource.Market;
using CoinSource.Storage;
using CoinSource.Telemetry;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace CoinSource.Tests.Storage;

/// <summary>The background writer: batched commits off the caller's path, a bounded queue, a drain on stop.</summary>
public sealed class StorageWriterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CandleSeries Series = new("BTC", "USDT", CandleInterval.OneMinute);

    [Fact]
    public async Task Stop_AfterManyWrites_AllCommittedInBatchesOfAtMostBatchSize()
    {
        await using var db = await StoreBackend.CreateAsync(StoreBackend.Sqlite);
        var writer = Writer(db.Store, new StorageOptions { BatchSize = 100 }, out _);
        await writer.StartAsync(TestContext.Current.CancellationToken);

        for (int i = 0; i < 1000; i++)
        {
            Assert.True(writer.Enqueue(Write(i)));
        }

        await writer.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1000, writer.CommittedWrites);
        Assert.InRange(writer.CommittedBatches, 10, 1000);
        Assert.Equal(1000, await db.Store.CountCandlesAsync(Series, T0, T0.AddMinutes(1000),
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Enqueue_QueueFull_DropsCountsAndWarnsOnce()
    {
        await using var db = await StoreBackend.CreateAsync(StoreBackend.Sqlite);
        var writer = Writer(db.Store, new StorageOptions { QueueCapacity = 100 }, out var logs);

        // Not started: nothing drains the queue.
        var accepted = Enumerable.Range(0, 150).Select(i => writer.Enqueue(Write(i))).ToList();

        Assert.Equal(100, accepted.Count(a => a));
        Assert.Equal(50, writer.Dropped);
        Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "StorageQueueFull");
    }

    [Fact]
    public async Task HealthEvents_TransitionAndAttempt_Stored()
    {
        await using var db = await StoreBackend.CreateAsync(StoreBackend.Sqlite);
        var events = new HealthEvents(NullLogger<HealthEvents>.Instance, TestTelemetry.Metrics(),
            new ActivityFeed(TimeProvider.System));
        var writer = new StorageWriter(db.Store, new StorageOptions(), TimeProvider.System, events,
            NullLogger<StorageWriter>.Instance);
        await writer.StartAsync(TestContext.Current.CancellationToken);

        // Recent: the writer prunes attempts older than its 8 days of retention.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        events.AttemptCounted("okx", at, success: false, TimeSpan.FromMilliseconds(250));
        events.StateChanged("okx", new StateTransition(at, SourceState.Healthy, SourceState.Degraded, "timeout"));
        await writer.StopAsync(TestContext.Current.CancellationToken);

        var attempt = Assert.Single(await db.Store.AttemptsAsync(at, TestContext.Current.CancellationToken));
        Assert.Equal(new StoredAttempt("okx", at, false, 250), attempt);
        var change = Assert.Single(await db.Store.TransitionsAsync(at, TestContext.Current.CancellationToken));
        Assert.Equal(new StoredTransition("okx", at, "Healthy", "Degraded"), change);
    }

    private static StorageWriter Writer(IMarketStore store, StorageOptions options, out FakeLogCollector logs)
    {
        var logger = new FakeLogger<StorageWriter>();
        logs = logger.Collector;
        var events = new HealthEvents(NullLogger<HealthEvents>.Instance, TestTelemetry.Metrics(),
            new ActivityFeed(TimeProvider.System));
        return new StorageWriter(store, options, TimeProvider.System, events, logger);
    }

    private static CandlesWrite Write(int minute)
    {
        decimal price = 100m + minute;
        return new CandlesWrite(Series, "binance", T0,
            [new Candle(T0.AddMinutes(minute), price, price + 1, price - 1, price, 1m)]);
    }
}
