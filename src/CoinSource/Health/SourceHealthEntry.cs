namespace CoinSource.Health;

/// <summary>The mutable health record of one source. Every member is used under the tracker's lock for it.</summary>
internal sealed class SourceHealthEntry(string name, DateTimeOffset createdAt, HealthOptions options)
{
    private readonly Queue<double> _latencies = new();
    private readonly Queue<StateTransition> _transitions = new();

    public string Name { get; } = name;

    public SourceState State { get; private set; } = SourceState.Healthy;

    public string? StateReason { get; private set; }

    public DateTimeOffset Since { get; private set; } = createdAt;

    public int ConsecutiveFailures { get; set; }

    public long Successes { get; set; }

    public long Failures { get; set; }

    public DateTimeOffset? LastSuccess { get; set; }

    public DateTimeOffset? LastFailure { get; set; }

    public string? LastFailureReason { get; set; }

    public DateTimeOffset? CooldownUntil { get; set; }

    public DateTimeOffset? ThrottledUntil { get; set; }

    public bool ProbeInFlight { get; set; }

    /// <summary>When the background prober may probe this OFFLINE source: the cooldown's end plus jitter.</summary>
    public DateTimeOffset? ProbeAt { get; set; }

    /// <summary>Requests left in the source's budget; refilled continuously at the budget's rate.</summary>
    public double QuotaTokens { get; set; }

    /// <summary>When <see cref="QuotaTokens"/> was last refilled; null before the first call.</summary>
    public DateTimeOffset? QuotaCheckedAt { get; set; }

    /// <summary>When the upstream said its own budget for CoinSource starts again, after saying none is left.</summary>
    public DateTimeOffset? QuotaBlockedUntil { get; set; }

    /// <summary>Why requests skip the source during the current cooldown; null until first needed.</summary>
    public string? SkipReason { get; set; }

    public void AddLatency(TimeSpan latency)
    {
        _latencies.Enqueue(latency.TotalMilliseconds);
        while (_latencies.Count > options.LatencyWindow)
        {
            _latencies.Dequeue();
        }
    }

    /// <summary>Moves to <paramref name="to"/>; returns the transition, or null when the state stays the same.</summary>
    public StateTransition? MoveTo(SourceState to, string reason, DateTimeOffset now)
    {
        StateReason = reason;
        if (to == State)
        {
            return null;
        }

        var transition = new StateTransition(now, State, to, reason);
        State = to;
        Since = now;
        _transitions.Enqueue(transition);
        while (_transitions.Count > options.TransitionHistory)
        {
            _transitions.Dequeue();
        }

        return transition;
    }

    /// <summary>Back to HEALTHY with nothing counted; returns the transition, or null when already HEALTHY.</summary>
    public StateTransition? Reset(DateTimeOffset now, string reason)
    {
        ConsecutiveFailures = 0;
        CooldownUntil = null;
        ThrottledUntil = null;
        ProbeInFlight = false;
        ProbeAt = null;
        var transition = MoveTo(SourceState.Healthy, reason, now);
        StateReason = null;
        return transition;
    }

    /// <summary>Adds what the time since the last check has earned, up to the budget.</summary>
    public void Refill(Sources.RequestBudget budget, DateTimeOffset now)
    {
        double perSecond = budget.Requests / budget.Window.TotalSeconds;
        QuotaTokens = QuotaCheckedAt is { } last
            ? Math.Min(budget.Requests, QuotaTokens + (Math.Max(0, (now - last).TotalSeconds) * perSecond))
            : budget.Requests;
        QuotaCheckedAt = now;
    }

    public SourceHealthSnapshot Snapshot()
    {
        long counted = Successes + Failures;
        double[] latencies = [.. _latencies];
        return new SourceHealthSnapshot
        {
            Name = Name,
            State = State,
            StateReason = StateReason,
            ConsecutiveFailures = ConsecutiveFailures,
            Successes = Successes,
            Failures = Failures,
            SuccessRate = counted == 0 ? null : (double)Successes / counted,
            AverageLatencyMs = latencies.Length == 0 ? null : Math.Round(latencies.Average(), 1),
            P95LatencyMs = Percentile(latencies, 0.95),
            LastSuccess = LastSuccess,
            LastFailure = LastFailure,
            LastFailureReason = LastFailureReason,
            CooldownUntil = State == SourceState.Offline ? CooldownUntil : null,
            ThrottledUntil = ThrottledUntil,
            Since = Since,
            Transitions = [.. _transitions],
        };
    }

    /// <summary>Nearest-rank percentile: the smallest sample at or above the fraction of all samples.</summary>
    private static double? Percentile(double[] samples, double fraction)
    {
        if (samples.Length == 0)
        {
            return null;
        }

        Array.Sort(samples);
        int rank = (int)Math.Ceiling(fraction * samples.Length);
        return Math.Round(samples[Math.Clamp(rank - 1, 0, samples.Length - 1)], 1);
    }
}
