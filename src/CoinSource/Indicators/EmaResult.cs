namespace CoinSource.Indicators;

public readonly record struct EmaResult(DateTimeOffset Time, double? Ema);
