namespace CoinSource.SafeHttp;

/// <summary>Limits applied to every upstream attempt.</summary>
public sealed class UpstreamOptions
{
    /// <summary>Time for one whole attempt, headers and body. Default 5 s; 100 ms to 120 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest body accepted, after decompression. Default 4 MiB; 1 KiB to 256 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a 429 without a usable Retry-After throttles the source. Default 60 s.</summary>
    public TimeSpan DefaultThrottle { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Deepest JSON nesting accepted. Real market data never nests past a handful of levels.</summary>
    public int MaxJsonDepth { get; set; } = 32;
}
