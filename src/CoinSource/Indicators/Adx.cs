namespace CoinSource.Indicators;

/// <summary>
/// Wilder's Directional Movement System. From the second candle: +DM, -DM and true range; their first
/// <c>period</c> values are summed, later ones Wilder-smoothed (sum - sum / period + current). +DI and -DI are
/// 100 * DM / TR, DX = 100 * |+DI - -DI| / (+DI + -DI), and ADX is the mean of the first <c>period</c> DX values,
/// Wilder-smoothed after. A series without any movement has DIs and DX of 0: no direction, no trend.
/// </summary>
public sealed class Adx : IIndicatorState<AdxResult>
{
    private readonly int _period;
    private bool _started;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;
    private int _moves;
    private double _range;
    private double _plus;
    private double _minus;
    private int _dxCount;
    private double _adx;

    public Adx(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
    }

    public static int RequiredCandles(int period) => 2 * period;

    public static AdxResult[] Calculate(ReadOnlySpan<Bar> bars, int period = 14) =>
        Batch.Run<Adx, AdxResult>(new Adx(period), bars);

    public AdxResult Add(in Bar bar)
    {
        if (!_started)
        {
            _started = true;
            Remember(bar);
            return new AdxResult(bar.Time, null, null, null, null);
        }

        double up = bar.High - _previousHigh;
        double down = _previousLow - bar.Low;
        double plus = up > down && up > 0 ? up : 0;
        double minus = down > up && down > 0 ? down : 0;
        double range = Atr.TrueRange(bar, _previousClose);
        Remember(bar);

        _moves++;
        if (_moves <= _period)
        {
            _range += range;
            _plus += plus;
            _minus += minus;
            if (_moves < _period)
            {
                return new AdxResult(bar.Time, null, null, null, null);
            }
        }
        else
        {
            _range += range - (_range / _period);
            _plus += plus - (_plus / _period);
            _minus += minus - (_minus / _period);
        }

        double plusDi = _range > 0 ? 100 * (_plus / _range) : 0;
        double minusDi = _range > 0 ? 100 * (_minus / _range) : 0;
        double sum = plusDi + minusDi;
        double dx = sum > 0 ? 100 * (Math.Abs(plusDi - minusDi) / sum) : 0;
        return new AdxResult(bar.Time, Num.Finite(plusDi), Num.Finite(minusDi), Num.Finite(dx), NextAdx(dx));
    }

    private double? NextAdx(double dx)
    {
        _dxCount++;
        if (_dxCount <= _period)
        {
            // Summed first and divided once: adding period shares of 100 can come out at 100.00000000000001.
            _adx += dx;
            if (_dxCount < _period)
            {
                return null;
            }

            _adx /= _period;
            return Num.Finite(_adx);
        }

        _adx = ((_adx * (_period - 1)) + dx) / _period;
        return Num.Finite(_adx);
    }

    private void Remember(in Bar bar)
    {
        _previousHigh = bar.High;
        _previousLow = bar.Low;
        _previousClose = bar.Close;
    }
}
