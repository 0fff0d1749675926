namespace CoinSource.Indicators;

/// <summary>Linearly weighted moving average: the newest close weighs <c>period</c>, the oldest 1.</summary>
public sealed class Wma : IIndicatorState<WmaResult>
{
    private readonly RollingWindow _window;
    private readonly double _weights;

    public Wma(int period = 20)
    {
        _window = new RollingWindow(period);
        _weights = period * (period + 1) / 2.0;
    }

    public static int RequiredCandles(int period) => period;

    public static WmaResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 20) =>
        Batch.Run<Wma, WmaResult>(new Wma(period), bars);

    public WmaResult Add(in Bar bar)
    {
        _window.Add(bar.Close);
        if (!_window.IsFull)
        {
            return new WmaResult(bar.Time, null);
        }

        double total = 0;
        for (int age = 0; age < _window.Size; age++)
        {
            total += (_window.Size - age) * _window.Back(age);
        }

        return new WmaResult(bar.Time, Num.Finite(total / _weights));
    }
}
