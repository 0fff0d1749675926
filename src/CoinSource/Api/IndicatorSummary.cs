namespace CoinSource.Api;

/// <summary>Every indicator's reading at the latest candle, and the overall signal derived from them.</summary>
public sealed record IndicatorSummary(string Overall, int Candles, IReadOnlyList<IndicatorReading> Indicators);
