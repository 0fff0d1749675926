namespace CoinSource.Api;

/// <summary>When this process started serving, for the uptime in the status answer.</summary>
public sealed class ServerClock(TimeProvider time)
{
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public TimeSpan Uptime => time.GetUtcNow() - StartedAt;
}
