namespace CoinSource.Indicators;

/// <summary>The parameter values of one computation, each already checked against its range.</summary>
public sealed class IndicatorArguments(IReadOnlyDictionary<string, double> values)
{
    public IReadOnlyDictionary<string, double> Values => values;

    public int Whole(string name) => (int)values[name];

    public double Real(string name) => values[name];
}
