using System.Text.Json;
using System.Threading.Channels;
using CoinSource.Telemetry;
using StackExchange.Redis;

namespace CoinSource.Sharing;

/// <summary>
/// Publishes this instance's activity events on a Redis channel. Events wait in a bounded queue so that a request
/// never waits for Redis; when Redis is slow or gone, the oldest waiting events are dropped.
/// </summary>
public sealed class RedisActivityRelay(RedisLink link) : IActivityRelay
{
    private readonly Channel<ActivityEvent> _queue = System.Threading.Channels.Channel.CreateBounded<ActivityEvent>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public string Instance => link.Instance;

    public RedisChannel Channel => link.Channel("activity");

    public void Send(ActivityEvent activity)
    {
        if (link.IsConnected)
        {
            _queue.Writer.TryWrite(activity);
        }
    }

    /// <summary>Publishes queued events until <paramref name="stoppingToken"/> fires.</summary>
    public async Task PumpAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                string json = JsonSerializer.Serialize(activity, RedisHealthShare.Json);
                // Not waiting for each reply keeps the relay as fast as the events come.
                await link.TryAsync(db => db.PublishAsync(Channel, json, CommandFlags.FireAndForget));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: events not sent yet stay with this instance.
        }
    }
}
