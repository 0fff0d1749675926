namespace CoinSource.Api;

/// <summary>One indicator's values over a series (oldest first), with the parameters used and the candles needed.</summary>
public sealed record IndicatorSeries(string Indicator, IReadOnlyDictionary<string, double> Parameters,
    int RequiredCandles, int Candles, object Values);
