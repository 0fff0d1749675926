namespace CoinSource.Market;

/// <summary>How quotes are cross-checked between sources.</summary>
public sealed class ConsensusOptions
{
    /// <summary>Sources asked at once for a consensus quote. Default 5; 2 to 20.</summary>
    public int MaxSources { get; set; } = 5;

    /// <summary>Time a consensus quote waits for its sources; later answers are left out. Default 2 s.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A price further than this from the median of all sources is an outlier. Default 2 %.</summary>
    public decimal MaxDeviationPercent { get; set; } = 2m;

    /// <summary>A quote whose own timestamp is older than this is stale, in any mode. Default 10 min.</summary>
    public TimeSpan MaxQuoteAge { get; set; } = TimeSpan.FromMinutes(10);
}
