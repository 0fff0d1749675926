namespace CoinSource.Indicators;

/// <summary>Runs a streaming state over a whole series into one array: one pass, no allocation per candle.</summary>
public static class Batch
{
    public static TResult[] Run<TState, TResult>(TState state, ReadOnlySpan<Bar> bars)
        where TState : IIndicatorState<TResult>
    {
        var results = new TResult[bars.Length];
        for (int i = 0; i < bars.Length; i++)
        {
            results[i] = state.Add(in bars[i]);
        }

        return results;
    }
}
