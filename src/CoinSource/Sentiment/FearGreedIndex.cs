namespace CoinSource.Sentiment;

/// <summary>The latest Fear &amp; Greed reading and the history asked for, newest first (the latest included).</summary>
public sealed record FearGreedIndex(FearGreedReading Current, IReadOnlyList<FearGreedReading> History);
