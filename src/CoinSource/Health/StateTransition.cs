namespace CoinSource.Health;

/// <summary>One change of a source's state, kept for uptime figures and shown in the health API.</summary>
public sealed record StateTransition(DateTimeOffset At, SourceState From, SourceState To, string Reason);
