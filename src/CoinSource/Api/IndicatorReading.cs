namespace CoinSource.Api;

/// <summary>One indicator in the summary: its signal and latest result, or neither when the candles were too few.</summary>
public sealed record IndicatorReading(string Indicator, string? Signal, object? Latest, int RequiredCandles);
