namespace CoinSource.Indicators;

public readonly record struct SmaResult(DateTimeOffset Time, double? Sma) : CloseColumn.IResult<SmaResult>
{
    public static SmaResult Create(DateTimeOffset time, double? value) => new(time, value);
}
