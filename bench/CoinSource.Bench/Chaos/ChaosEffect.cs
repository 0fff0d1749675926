namespace CoinSource.Bench.Chaos;

/// <summary>What a failure kind does to a source's health, by the rules of the health state machine.</summary>
public enum ChaosEffect
{
    /// <summary>Counted failures: DEGRADED, then OFFLINE at the third; after healing, a probe makes it HEALTHY.</summary>
    Outage,

    /// <summary>429 with Retry-After: the source is throttled and skipped, its state does not change.</summary>
    Throttle,

    /// <summary>"Not listed" answers are not failures: no state change.</summary>
    NotListed,

    /// <summary>One call in three fails: DEGRADED and back to HEALTHY, one or more times, never OFFLINE.</summary>
    Flap,
}
