namespace CoinSource.Bench.Benchmarks;

/// <summary>A pair that two sources can quote: the one CoinSource asks first, and the one it fails over to.</summary>
public sealed record FailoverPair(string Base, string Quote, string First, string Next)
{
    public string Path => $"/api/quotes/{Base}?quote={Quote}";

    public override string ToString() => $"{Base}/{Quote}";
}
