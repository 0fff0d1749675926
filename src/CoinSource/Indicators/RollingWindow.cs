namespace CoinSource.Indicators;

/// <summary>
/// The last <c>size</c> values in a ring, with their running sum. A missing value (NaN) is counted, not summed, so a
/// mean over a window that holds one is null. The sum is recomputed once per lap so that rounding cannot drift.
/// </summary>
public sealed class RollingWindow
{
    private readonly double[] _values;
    private int _next;
    private int _count;
    private int _missing;
    private double _sum;

    public RollingWindow(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _values = new double[size];
    }

    public int Size => _values.Length;

    public bool IsFull => _count == _values.Length;

    public bool HasMissing => _missing > 0;

    public void Add(double value)
    {
        if (IsFull)
        {
            double leaving = _values[_next];
            if (double.IsNaN(leaving))
            {
                _missing--;
            }
            else
            {
                _sum -= leaving;
            }
        }
        else
        {
            _count++;
        }

        _values[_next] = value;
        if (double.IsNaN(value))
        {
            _missing++;
        }
        else
        {
            _sum += value;
        }

        _next = (_next + 1) % _values.Length;
        if (_next == 0)
        {
            Resum();
        }
    }

    /// <summary>The mean of a full window without missing values, else null.</summary>
    public double? Mean => IsFull && _missing == 0 ? Num.Finite(_sum / _values.Length) : null;

    /// <summary>The value <paramref name="age"/> steps back: 0 is the newest.</summary>
    public double Back(int age) => _values[(_next - 1 - age + (2 * _values.Length)) % _values.Length];

    public double Max()
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < _count; i++)
        {
            max = Math.Max(max, _values[i]);
        }

        return max;
    }

    public double Min()
    {
        double min = double.PositiveInfinity;
        for (int i = 0; i < _count; i++)
        {
            min = Math.Min(min, _values[i]);
        }

        return min;
    }

    /// <summary>The mean absolute deviation from <paramref name="center"/>.</summary>
    public double MeanDeviation(double center)
    {
        double total = 0;
        for (int i = 0; i < _count; i++)
        {
            total += Math.Abs(_values[i] - center);
        }

        return total / _count;
    }

    /// <summary>The population standard deviation around <paramref name="center"/>, from the values themselves.</summary>
    public double StandardDeviation(double center)
    {
        double total = 0;
        for (int i = 0; i < _count; i++)
        {
            double d = _values[i] - center;
            total += d * d;
        }

        return Math.Sqrt(total / _count);
    }

    private void Resum()
    {
        double sum = 0;
        foreach (double value in _values)
        {
            if (!double.IsNaN(value))
            {
                sum += value;
            }
        }

        _sum = sum;
    }
}
