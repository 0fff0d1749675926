namespace CoinSource.Indicators;

public readonly record struct MacdResult(DateTimeOffset Time, double? Macd, double? Signal, double? Histogram);
