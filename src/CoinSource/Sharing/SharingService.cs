using System.Text.Json;
using CoinSource.Health;
using CoinSource.Telemetry;
using StackExchange.Redis;

namespace CoinSource.Sharing;

/// <summary>
/// Connects to Redis in the background, then listens: health reports of other instances go to the tracker,
/// their activity events to the feed. Its own messages come back on the same channels and are left out.
/// </summary>
public sealed partial class SharingService(
    RedisLink link,
    RedisHealthShare healthShare,
    RedisActivityRelay relay,
    SourceHealthTracker health,
    ActivityFeed feed,
    ILogger<SharingService> logger) : BackgroundService
{
    private int _subscribed;

    /// <summary>Whether this instance hears the others: subscribed, and the known health reports applied.</summary>
    public bool Listening { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        link.Connected += () => _ = OnConnectedAsync();
        link.Start();
        return relay.PumpAsync(stoppingToken);
    }

    private async Task OnConnectedAsync()
    {
        try
        {
            // Subscriptions survive reconnects on their own; only the first connection makes them.
            if (Interlocked.Exchange(ref _subscribed, 1) == 0 && link.Subscriber is { } subscriber)
            {
                await subscriber.SubscribeAsync(healthShare.Channel, (_, message) => OnHealth(message));
                await subscriber.SubscribeAsync(relay.Channel, (_, message) => OnActivity(message));
            }

            // What happened while this instance was away (or before it started) is in the hash.
            foreach (var report in await healthShare.KnownAsync())
            {
                health.ApplyShared(report);
            }

            Listening = true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Interlocked.Exchange(ref _subscribed, 0);
            Listening = false;
            LogSubscribeFailed(logger, ex.Message);
        }
    }

    private void OnHealth(RedisValue message)
    {
        if (RedisHealthShare.Parse(message) is { } report && report.Instance != link.Instance)
        {
            health.ApplyShared(report);
        }
    }

    private void OnActivity(RedisValue message)
    {
        ActivityEvent? activity;
        try
        {
            activity = message.IsNullOrEmpty ? null
                : JsonSerializer.Deserialize<ActivityEvent>((string)message!, RedisHealthShare.Json);
        }
        catch (JsonException)
        {
            return;
        }

        if (activity is { Instance: { } instance } && instance != link.Instance)
        {
            feed.Receive(activity);
        }
    }

    [LoggerMessage(EventId = 7004, EventName = "RedisSubscribeFailed", Level = LogLevel.Warning,
        Message = "could not listen to the other instances yet ({Reason}); trying again on the next connection")]
    private static partial void LogSubscribeFailed(ILogger logger, string reason);
}
