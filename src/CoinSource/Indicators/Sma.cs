namespace CoinSource.Indicators;

/// <summary>Simple moving average of the close: the mean of the last <c>period</c> closes.</summary>
public sealed class Sma : IIndicatorState<SmaResult>
{
    private readonly RollingWindow _window;

    public Sma(int period = 20) => _window = new RollingWindow(period);

    public static int RequiredCandles(int period) => period;

    public static SmaResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 20) =>
        Batch.Run<Sma, SmaResult>(new Sma(period), bars);

    public SmaResult Add(in Bar bar)
    {
        _window.Add(bar.Close);
        return new SmaResult(bar.Time, _window.Mean);
    }
}
