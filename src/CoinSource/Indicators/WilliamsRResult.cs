namespace CoinSource.Indicators;

public readonly record struct WilliamsRResult(DateTimeOffset Time, double? WilliamsR);
