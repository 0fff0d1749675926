namespace CoinSource.Indicators;

public readonly record struct EmaResult(DateTimeOffset Time, double? Ema) : CloseColumn.IResult<EmaResult>
{
    public static EmaResult Create(DateTimeOffset time, double? value) => new(time, value);
}
