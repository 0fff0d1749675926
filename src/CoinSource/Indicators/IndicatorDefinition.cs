namespace CoinSource.Indicators;

/// <summary>
/// What the API knows of one indicator: its parameters, how many candles they need, how to compute it, and how its
/// latest value reads as a signal.
/// </summary>
public sealed record IndicatorDefinition(
    string Name,
    string Title,
    IReadOnlyList<IndicatorParameter> Parameters,
    Func<IndicatorArguments, int> RequiredCandles,
    Func<Bar[], IndicatorArguments, Array> Calculate,
    Func<Array, Bar[], string?> Signal)
{
    /// <summary>A rule between parameters (fast below slow); returns the parameter to blame and why, or null.</summary>
    public Func<IndicatorArguments, (string Parameter, string Message)?> Check { get; init; } = _ => null;
}
