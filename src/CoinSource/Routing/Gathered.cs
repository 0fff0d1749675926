namespace CoinSource.Routing;

/// <summary>What a gathering brought back: the answers still to be judged, and the trace of the rest.</summary>
public sealed record Gathered<T>(IReadOnlyList<GatheredAnswer<T>> Answers, IReadOnlyList<Attempt> Attempts);
