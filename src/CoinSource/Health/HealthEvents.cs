using CoinSource.Telemetry;

namespace CoinSource.Health;

/// <summary>Tells the world about health: one log line, one metric and one feed event per state change.</summary>
public sealed partial class HealthEvents(ILogger<HealthEvents> logger, CoinSourceMetrics metrics, ActivityFeed feed)
{
    /// <summary>Exposes the tracker's states as the <c>coinsource.source.state</c> gauge.</summary>
    public void ObserveStates(Func<IEnumerable<(string Source, SourceState State)>> states) =>
        metrics.ObserveSourceStates(states);

    /// <summary>Raised after each state change has been told; the history store listens.</summary>
    public event Action<string, StateTransition>? Transitioned;

    /// <summary>Raised for each attempt that counted for health: source, time, success, latency.</summary>
    public event Action<string, DateTimeOffset, bool, TimeSpan>? Attempted;

    public void AttemptCounted(string source, DateTimeOffset at, bool success, TimeSpan latency) =>
        Attempted?.Invoke(source, at, success, latency);

    /// <summary>Tells one state change; <paramref name="fromInstance"/> names the instance that saw it first.</summary>
    public void StateChanged(string source, StateTransition transition, string? fromInstance = null)
    {
        switch (transition.To)
        {
            case SourceState.Healthy:
                LogHealthy(logger, source, transition.From, transition.Reason);
                break;
            case SourceState.Degraded:
                LogDegraded(logger, source, transition.From, transition.Reason);
                break;
            default:
                LogOffline(logger, source, transition.From, transition.Reason);
                break;
        }

        metrics.Transition(source, transition.To);
        feed.Publish(ActivityKind.StateChange, $"{source}: {transition.From} -> {transition.To} ({transition.Reason})",
            source, outcome: transition.To.ToString().ToUpperInvariant(), reportedBy: fromInstance);
        Transitioned?.Invoke(source, transition);
    }

    [LoggerMessage(EventId = 2001, EventName = "SourceHealthy", Level = LogLevel.Information,
        Message = "source {Source} is HEALTHY again (was {From}): {Reason}")]
    private static partial void LogHealthy(ILogger logger, string source, SourceState from, string reason);

    [LoggerMessage(EventId = 2002, EventName = "SourceDegraded", Level = LogLevel.Warning,
        Message = "source {Source} is DEGRADED (was {From}): {Reason}")]
    private static partial void LogDegraded(ILogger logger, string source, SourceState from, string reason);

    [LoggerMessage(EventId = 2003, EventName = "SourceOffline", Level = LogLevel.Error,
        Message = "source {Source} is OFFLINE (was {From}): {Reason}")]
    private static partial void LogOffline(ILogger logger, string source, SourceState from, string reason);
}
