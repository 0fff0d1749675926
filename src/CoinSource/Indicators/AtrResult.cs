namespace CoinSource.Indicators;

public readonly record struct AtrResult(DateTimeOffset Time, double? TrueRange, double? Atr);
