namespace CoinSource.Health;

/// <summary>When a source changes state.</summary>
public sealed class HealthOptions
{
    /// <summary>Consecutive failures that make a source OFFLINE. Default 3; 1 to 100.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>How long an OFFLINE source gets no traffic before one probe decides. Default 5 min; 1 s to 1 day.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Largest random delay added to each OFFLINE source's probe time, so that sources that failed together are not
    /// all probed at the same moment. Default 30 s; 0 to 1 h.
    /// </summary>
    public TimeSpan ProbeJitter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the background prober looks for sources whose probe is due. Default 1 s.</summary>
    public TimeSpan ProbeCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A successful answer slower than this leaves the source DEGRADED. Default 3 s.</summary>
    public TimeSpan SlowThreshold { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many recent latencies feed the average and p95. Default 200.</summary>
    public int LatencyWindow { get; set; } = 200;

    /// <summary>How many state changes are kept per source for uptime figures. Default 500.</summary>
    public int TransitionHistory { get; set; } = 500;
}
