namespace CoinSource.Indicators;

public readonly record struct ObvResult(DateTimeOffset Time, double? Obv);
