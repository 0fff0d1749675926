namespace CoinSource.Indicators;

public readonly record struct CciResult(DateTimeOffset Time, double? Cci);
