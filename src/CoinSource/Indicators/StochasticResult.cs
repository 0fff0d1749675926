namespace CoinSource.Indicators;

public readonly record struct StochasticResult(DateTimeOffset Time, double? K, double? D);
