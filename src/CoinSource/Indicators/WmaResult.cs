namespace CoinSource.Indicators;

public readonly record struct WmaResult(DateTimeOffset Time, double? Wma);
