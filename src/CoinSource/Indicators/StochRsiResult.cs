namespace CoinSource.Indicators;

/// <summary>The raw Stochastic RSI (0 to 100), its %K (SMA of the raw value) and %D (SMA of %K).</summary>
public readonly record struct StochRsiResult(DateTimeOffset Time, double? StochRsi, double? K, double? D);
