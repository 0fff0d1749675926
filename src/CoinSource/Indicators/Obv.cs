namespace CoinSource.Indicators;

/// <summary>
/// Granville's On-Balance Volume: a running total that adds the volume on a higher close, subtracts it on a lower
/// one, and keeps it on an equal one; it starts at 0 on the first candle.
/// </summary>
public sealed class Obv : IIndicatorState<ObvResult>
{
    private bool _started;
    private double _previousClose;
    private double _obv;

    public static int RequiredCandles() => 1;

    public static ObvResult[] Calculate(ReadOnlySpan<Bar> bars) => Batch.Run<Obv, ObvResult>(new Obv(), bars);

    public ObvResult Add(in Bar bar)
    {
        if (_started && bar.Close > _previousClose)
        {
            _obv += bar.Volume;
        }
        else if (_started && bar.Close < _previousClose)
        {
            _obv -= bar.Volume;
        }

        _started = true;
        _previousClose = bar.Close;
        return new ObvResult(bar.Time, Num.Finite(_obv));
    }
}
