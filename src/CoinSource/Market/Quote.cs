namespace CoinSource.Market;

/// <summary>The latest price of one asset in one quote currency, as one source reported it.</summary>
public sealed record Quote
{
    /// <summary>The base asset's ticker: BTC.</summary>
    public required string Symbol { get; init; }

    /// <summary>The currency of every amount in this quote: USD, USDT, ...</summary>
    public required string QuoteCurrency { get; init; }

    public required decimal Price { get; init; }

    public decimal? Change24hPercent { get; init; }

    public decimal? High24h { get; init; }

    public decimal? Low24h { get; init; }

    /// <summary>Traded volume over 24 hours, in the base asset.</summary>
    public decimal? Volume24h { get; init; }

    /// <summary>When the source says the price was valid; the time of fetching when it does not say.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
