using StackExchange.Redis;

namespace CoinSource.Sharing;

/// <summary>
/// The one connection of this instance to Redis. Until it is connected, and whenever it is lost, every shared
/// piece falls back to local state: a command is never queued for a Redis that is not there, so a lost Redis
/// costs nothing but the sharing. The loss and the recovery are each logged once.
/// </summary>
public sealed partial class RedisLink(SharingOptions options, string? connectionString, ILogger<RedisLink> logger)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _connection;
    private int _lost;
    private string? _lastError;

    /// <summary>Raised each time the link is (again) connected: at first, and after every recovery.</summary>
    public event Action? Connected;

    public bool Configured => connectionString is not null;

    public string Instance => options.InstanceName;

    public SharingOptions Options => options;

    public bool IsConnected => _connection?.IsConnected == true;

    /// <summary>off, connecting, connected or unavailable, as /api/status shows it.</summary>
    public string State => !Configured ? "off"
        : _connection is null && _lastError is null ? "connecting"
        : IsConnected ? "connected"
        : "unavailable";

    /// <summary>Why the link is down, without the connection string; null while connected.</summary>
    public string? Problem => IsConnected || !Configured ? null : _lastError ?? "not connected yet";

    /// <summary>The database to send a command to, or null when Redis cannot take one now.</summary>
    public IDatabase? Database => IsConnected ? _connection!.GetDatabase() : null;

    public ISubscriber? Subscriber => _connection?.GetSubscriber();

    public RedisKey Key(string name) => $"{options.KeyPrefix}:{name}";

    public RedisChannel Channel(string name) => RedisChannel.Literal($"{options.KeyPrefix}:{name}");

    /// <summary>Connects in the background; the instance serves with local state in the meantime.</summary>
    public void Start()
    {
        if (connectionString is null)
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(connectionString);
        int timeout = (int)options.CommandTimeout.TotalMilliseconds;
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = Math.Max(1000, timeout * 4);
        configuration.SyncTimeout = timeout;
        configuration.AsyncTimeout = timeout;

        // A command for a Redis that is down fails at once instead of waiting in a backlog: local state answers.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        _ = ConnectAsync(configuration);
    }

    /// <summary>Runs a command when Redis can take one; null when it cannot or the command failed.</summary>
    public async Task<T?> TryAsync<T>(Func<IDatabase, Task<T>> command)
    {
        if (Database is not { } database)
        {
            return default;
        }

        try
        {
            return await command(database);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            Failed(ex.GetType().Name);
            return default;
        }
    }

    private async Task ConnectAsync(ConfigurationOptions configuration)
    {
        try
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
            connection.ConnectionFailed += (_, e) => Lost(e.FailureType.ToString());
            connection.ConnectionRestored += (_, _) => Restored();
            _connection = connection;
            if (_stopping.IsCancellationRequested)
            {
                await connection.DisposeAsync();
                return;
            }

            if (connection.IsConnected)
            {
                LogConnected(logger, options.InstanceName);
                Connected?.Invoke();
            }
            else
            {
                Lost("the first connection failed; retrying in the background");
            }
        }
        catch (Exception ex) when (ex is RedisException or ArgumentException)
        {
            Lost(ex.GetType().Name);
        }
    }

    private void Failed(string reason)
    {
        if (!IsConnected)
        {
            Lost(reason);
        }
    }

    private void Lost(string reason)
    {
        _lastError = reason;
        if (Interlocked.Exchange(ref _lost, 1) == 0)
        {
            LogLost(logger, reason);
        }
    }

    private void Restored()
    {
        if (!IsConnected)
        {
            return;
        }

        _lastError = null;
        if (Interlocked.Exchange(ref _lost, 0) == 1)
        {
            LogRestored(logger);
        }

        Connected?.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 7001, EventName = "RedisConnected", Level = LogLevel.Information,
        Message = "Redis connected: instance {Instance} shares cache, health, budgets and activity")]
    private static partial void LogConnected(ILogger logger, string instance);

    [LoggerMessage(EventId = 7002, EventName = "RedisLost", Level = LogLevel.Error,
        Message = "Redis unavailable ({Reason}): serving with local cache, health and budgets until it is back")]
    private static partial void LogLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 7003, EventName = "RedisRestored", Level = LogLevel.Information,
        Message = "Redis available again: sharing resumed")]
    private static partial void LogRestored(ILogger logger);
}
