namespace CoinSource.Indicators;

/// <summary>
/// An indicator computed one candle at a time. Batch results are this state fed every candle in order, so streaming
/// and batch give the same values by construction.
/// </summary>
public interface IIndicatorState<out TResult>
{
    /// <summary>Takes the next candle (oldest first) and returns the result at it; warm-up values are null.</summary>
    TResult Add(in Bar bar);
}
