namespace CoinSource.Indicators;

public readonly record struct AdxResult(DateTimeOffset Time, double? PlusDi, double? MinusDi, double? Dx,
    double? Adx);
