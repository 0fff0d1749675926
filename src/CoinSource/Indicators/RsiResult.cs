namespace CoinSource.Indicators;

public readonly record struct RsiResult(DateTimeOffset Time, double? Rsi) : CloseColumn.IResult<RsiResult>
{
    public static RsiResult Create(DateTimeOffset time, double? value) => new(time, value);
}
