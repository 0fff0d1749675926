namespace CoinSource.Bench.Chaos;

/// <summary>
/// One expected change of a source's state, or, for a flapping source, one or more round trips
/// HEALTHY to DEGRADED and back.
/// </summary>
public sealed record ExpectedStep(string From, string To, bool Repeats = false)
{
    public override string ToString() =>
        Repeats ? $"({From[0]}>{To[0]}>{From[0]})+" : $"{From[0]}>{To[0]}";
}
