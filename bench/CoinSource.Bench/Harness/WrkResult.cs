namespace CoinSource.Bench.Harness;

/// <summary>What one wrk run reported.</summary>
public sealed record WrkResult
{
    public required double RequestsPerSecond { get; init; }

    public required long Requests { get; init; }

    public required double LatencyAverageMs { get; init; }

    public required double LatencyP50Ms { get; init; }

    public required double LatencyP99Ms { get; init; }

    /// <summary>Answers that were not 2xx or 3xx.</summary>
    public required long Non2xx { get; init; }

    /// <summary>Connect, read, write and timeout errors, summed.</summary>
    public required long SocketErrors { get; init; }
}
