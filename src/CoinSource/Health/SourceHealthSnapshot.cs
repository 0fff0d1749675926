namespace CoinSource.Health;

/// <summary>Everything the tracker knows about one source at one moment. Immutable; safe to serialise.</summary>
public sealed record SourceHealthSnapshot
{
    public required string Name { get; init; }

    public required SourceState State { get; init; }

    /// <summary>Why the source is in this state, for example "3 consecutive failures: HTTP 503".</summary>
    public string? StateReason { get; init; }

    public required int ConsecutiveFailures { get; init; }

    public required long Successes { get; init; }

    public required long Failures { get; init; }

    /// <summary>Successes over all counted attempts, 0 to 1; null before the first attempt.</summary>
    public double? SuccessRate { get; init; }

    public double? AverageLatencyMs { get; init; }

    public double? P95LatencyMs { get; init; }

    public DateTimeOffset? LastSuccess { get; init; }

    public DateTimeOffset? LastFailure { get; init; }

    public string? LastFailureReason { get; init; }

    /// <summary>When an OFFLINE source may be probed again.</summary>
    public DateTimeOffset? CooldownUntil { get; init; }

    /// <summary>When a throttled source accepts calls again.</summary>
    public DateTimeOffset? ThrottledUntil { get; init; }

    /// <summary>The source's request budget and what is left of it; null for a source without one.</summary>
    public BudgetView? Budget { get; init; }

    public DateTimeOffset Since { get; init; }

    public IReadOnlyList<StateTransition> Transitions { get; init; } = [];
}
