namespace CoinSource.Indicators;

public readonly record struct VwapResult(DateTimeOffset Time, double? Vwap);
