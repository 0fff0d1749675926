namespace CoinSource.Indicators;

public readonly record struct RsiResult(DateTimeOffset Time, double? Rsi);
