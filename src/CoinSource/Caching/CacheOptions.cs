namespace CoinSource.Caching;

/// <summary>How long answers stay fresh, and how long the last good answer may stand in when every source fails.</summary>
public sealed class CacheOptions
{
    /// <summary>Quotes. Default 10 s.</summary>
    public TimeSpan QuoteTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Candles. Default 30 s.</summary>
    public TimeSpan CandlesTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The market-cap ranking. Default 60 s.</summary>
    public TimeSpan TopCoinsTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The Fear &amp; Greed index, published once a day. Default 300 s.</summary>
    public TimeSpan FearGreedTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Each news feed. Default 120 s.</summary>
    public TimeSpan NewsTtl { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gas prices, which change with every block. Default 15 s.</summary>
    public TimeSpan GasTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Oldest last-good answer served when every source fails. Default 24 h.</summary>
    public TimeSpan MaxStaleAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Entries kept in memory; the oldest go first beyond it. Default 10,000.</summary>
    public int MaxEntries { get; set; } = 10_000;
}
