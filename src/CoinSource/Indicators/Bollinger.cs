namespace CoinSource.Indicators;

/// <summary>
/// Bollinger Bands: the SMA of the close, plus and minus <c>multiplier</c> population standard deviations of the same
/// window. A flat window has zero width: BandWidth is 0 and %B is null (the close sits on both bands at once).
/// </summary>
public sealed class Bollinger : IIndicatorState<BollingerResult>
{
    private readonly RollingWindow _window;
    private readonly double _multiplier;

    public Bollinger(int period = 20, double multiplier = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiplier);
        _window = new RollingWindow(period);
        _multiplier = multiplier;
    }

    public static int RequiredCandles(int period) => period;

    public static BollingerResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 20, double multiplier = 2) =>
        Batch.Run<Bollinger, BollingerResult>(new Bollinger(period, multiplier), bars);

    public BollingerResult Add(in Bar bar)
    {
        _window.Add(bar.Close);
        if (_window.Mean is not { } middle)
        {
            return new BollingerResult(bar.Time, null, null, null, null, null);
        }

        double width = _multiplier * _window.StandardDeviation(middle);
        double upper = middle + width;
        double lower = middle - width;
        return new BollingerResult(bar.Time, middle, Num.Finite(upper), Num.Finite(lower),
            Num.Ratio(upper - lower, middle), Num.Ratio(bar.Close - lower, upper - lower));
    }
}
