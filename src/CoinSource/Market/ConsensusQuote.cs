namespace CoinSource.Market;

/// <summary>A price agreed by several sources: the median of those that agree, and how far apart they are.</summary>
public sealed record ConsensusQuote
{
    public required string Symbol { get; init; }

    public required string QuoteCurrency { get; init; }

    /// <summary>The median of the prices that are not outliers.</summary>
    public required decimal Price { get; init; }

    /// <summary>Highest minus lowest agreeing price, as a percentage of <see cref="Price"/>.</summary>
    public required decimal SpreadPercent { get; init; }

    /// <summary>Every source that answered in time, agreeing or not.</summary>
    public required IReadOnlyList<SourcePrice> Sources { get; init; }

    /// <summary>The sources left out, with the evidence.</summary>
    public IReadOnlyList<SourcePrice> Outliers => [.. Sources.Where(s => s.Outlier)];

    public required DateTimeOffset Timestamp { get; init; }
}
