namespace CoinSource.Indicators;

public readonly record struct SmaResult(DateTimeOffset Time, double? Sma);
