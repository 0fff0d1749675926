namespace CoinSource.Indicators;

/// <summary>Bands, BandWidth ((upper - lower) / middle, Bollinger's ratio) and %B ((close - lower) / (upper - lower)).</summary>
public readonly record struct BollingerResult(DateTimeOffset Time, double? Middle, double? Upper, double? Lower,
    double? Bandwidth, double? PercentB);
