namespace CoinSource.Bench.Reporting;

/// <summary>How a figure stands against its aim.</summary>
public enum Verdict
{
    /// <summary>The figure has no aim; it is there to read the others by.</summary>
    Info,

    Pass,

    Miss,
}
