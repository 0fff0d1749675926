namespace CoinSource.Sentiment;

/// <summary>One published value of the Fear &amp; Greed index.</summary>
/// <param name="Timestamp">The day (or moment) the value was published for.</param>
/// <param name="Value">0 (extreme fear) to 100 (extreme greed).</param>
/// <param name="Classification">The publisher's own label: Extreme Fear, Fear, Neutral, Greed, Extreme Greed.</param>
public sealed record FearGreedReading(DateTimeOffset Timestamp, int Value, string Classification);
