using System.Diagnostics;
using System.Threading.Channels;
using CoinSource.Health;

namespace CoinSource.Storage;

/// <summary>
/// Takes writes off the request path: callers queue them without waiting, and one background loop commits them in
/// batches, one transaction per batch. A write is "committed" once its batch's transaction has committed; only then
/// is it durable. A full queue drops new writes (counted and logged once per overflow) rather than slow requests.
/// On shutdown the queue is drained before the program ends.
/// </summary>
public sealed partial class StorageWriter : BackgroundService
{
    private static readonly TimeSpan AttemptRetention = TimeSpan.FromDays(8);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly IMarketStore _store;
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<StorageWriter> _logger;
    private readonly Channel<StoreWrite> _queue;
    private long _dropped;
    private long _committedWrites;
    private long _committedBatches;
    private bool _overflowing;
    private bool _failing;
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    public StorageWriter(IMarketStore store, StorageOptions options, TimeProvider time, HealthEvents health,
        ILogger<StorageWriter> logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<StoreWrite>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        health.Transitioned += (source, transition) => Enqueue(new TransitionWrite(source, transition));
        health.Attempted += (source, at, success, latency) =>
            Enqueue(new AttemptWrite(source, at, success, latency.TotalMilliseconds));
    }

    /// <summary>Writes dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Writes whose batch has committed.</summary>
    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    /// <summary>The last batch could not be committed.</summary>
    public bool Failing => _failing;

    /// <summary>What the status API shows of the store: backend, commits, drops; never a connection string.</summary>
    public StorageStatus Status() => new(_store.Description, Failing ? "failing" : "ok", CommittedWrites,
        CommittedBatches, Dropped, _queue.Reader.Count);

    /// <summary>Queues a write without waiting; false when the queue is full and the write was dropped.</summary>
    public bool Enqueue(StoreWrite write)
    {
        if (_queue.Writer.TryWrite(write))
        {
            _overflowing = false;
            return true;
        }

        Interlocked.Increment(ref _dropped);
        if (!_overflowing)
        {
            _overflowing = true;
            LogOverflow(_logger, _options.QueueCapacity);
        }

        return false;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Drain what is queued: a clean shutdown loses nothing.
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } running)
        {
            await running.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await _store.MigrateAsync(stoppingToken);
            LogReady(_logger, _store.Description);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException
                                      or UnauthorizedAccessException or ArgumentException)
        {
            // The server keeps serving without a history; each batch tries the store again.
            LogUnavailable(_logger, _store.Description, e.Message);
        }

        List<StoreWrite> batch = new(_options.BatchSize);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await CommitAsync(batch);
            batch.Clear();
            await PruneAsync();
        }
    }

    private async Task CommitAsync(List<StoreWrite> batch)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            // Not cancelled by shutdown: a batch is one transaction, committed whole or not at all.
            var refused = await _store.WriteAsync(batch, CancellationToken.None);
            Interlocked.Add(ref _committedWrites, batch.Count);
            Interlocked.Increment(ref _committedBatches);
            foreach (string reason in refused)
            {
                LogRefused(_logger, reason);
            }

            if (_failing)
            {
                _failing = false;
                LogRecovered(_logger, _store.Description);
            }

            double elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogCommitted(_logger, batch.Count, elapsedMs);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException
                                      or UnauthorizedAccessException)
        {
            if (!_failing)
            {
                _failing = true;
                LogWriteFailed(_logger, batch.Count, _store.Description, e.Message);
            }
        }
    }

    private async Task PruneAsync()
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (now - _prunedAt < PruneEvery || _store is not SqlMarketStore sql)
        {
            return;
        }

        _prunedAt = now;
        try
        {
            await sql.PruneAttemptsAsync(now - AttemptRetention, CancellationToken.None);
        }
        catch (System.Data.Common.DbException e)
        {
            LogWriteFailed(_logger, 0, _store.Description, e.Message);
        }
    }

    [LoggerMessage(EventId = 6001, EventName = "StorageReady", Level = LogLevel.Information,
        Message = "storage ready: {Store}")]
    private static partial void LogReady(ILogger logger, string store);

    [LoggerMessage(EventId = 6002, EventName = "StorageUnavailable", Level = LogLevel.Error,
        Message = "storage {Store} cannot be opened; serving without history until it can: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string store, string reason);

    [LoggerMessage(EventId = 6003, EventName = "StorageBatchCommitted", Level = LogLevel.Debug,
        Message = "storage committed a batch of {Count} writes in {Ms:F1} ms")]
    private static partial void LogCommitted(ILogger logger, int count, double ms);

    [LoggerMessage(EventId = 6004, EventName = "StorageWriteFailed", Level = LogLevel.Error,
        Message = "storage could not commit a batch of {Count} writes to {Store}: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, int count, string store, string reason);

    [LoggerMessage(EventId = 6005, EventName = "StorageRecovered", Level = LogLevel.Information,
        Message = "storage {Store} commits again")]
    private static partial void LogRecovered(ILogger logger, string store);

    [LoggerMessage(EventId = 6006, EventName = "StorageQueueFull", Level = LogLevel.Warning,
        Message = "storage queue is full ({Capacity} writes); new writes are dropped until it drains")]
    private static partial void LogOverflow(ILogger logger, int capacity);

    [LoggerMessage(EventId = 6007, EventName = "StorageCandleRefused", Level = LogLevel.Warning,
        Message = "storage refused a candle that breaks the OHLC rules: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
