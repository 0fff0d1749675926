namespace CoinSource.Indicators;

/// <summary>
/// Appel's MACD: line = EMA(fast) - EMA(slow) of the close, signal = EMA(signal) of the line (seeded with the mean
/// of its first values), histogram = line - signal.
/// </summary>
public sealed class Macd : IIndicatorState<MacdResult>
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;

    public Macd(int fast = 12, int slow = 26, int signal = 9)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fast, slow);
        _fast = new Ema(fast);
        _slow = new Ema(slow);
        _signal = new Ema(signal);
    }

    public static int RequiredCandles(int slow, int signal) => slow + signal - 1;

    public static MacdResult[] Calculate(ReadOnlySpan<Bar> bars, int fast = 12, int slow = 26, int signal = 9) =>
        Batch.Run<Macd, MacdResult>(new Macd(fast, slow, signal), bars);

    public MacdResult Add(in Bar bar)
    {
        double? fast = _fast.Next(bar.Close);
        double? slow = _slow.Next(bar.Close);
        if (fast is null || slow is null)
        {
            return new MacdResult(bar.Time, null, null, null);
        }

        double line = fast.Value - slow.Value;
        double? signal = _signal.Next(line);
        return new MacdResult(bar.Time, Num.Finite(line), signal, signal is null ? null : Num.Finite(line - signal.Value));
    }
}
