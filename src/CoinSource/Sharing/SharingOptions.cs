namespace CoinSource.Sharing;

/// <summary>How this instance shares cache, source health, request budgets and activity with its siblings.</summary>
public sealed class SharingOptions
{
    /// <summary>The default key prefix: every key and channel CoinSource uses in Redis starts with it.</summary>
    public const string DefaultKeyPrefix = "coinsource";

    /// <summary>
    /// This instance's name in the activity feed, in shared health reports and in /api/status. Default the machine
    /// name and the process id, unique among instances on one machine.
    /// </summary>
    public string InstanceName { get; set; } = DefaultInstanceName();

    /// <summary>Prefix of every Redis key and channel, so that several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>Longest wait for one Redis command before the instance goes on with local state. Default 500 ms.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    public static string DefaultInstanceName() => $"{Environment.MachineName}-{Environment.ProcessId}";
}
