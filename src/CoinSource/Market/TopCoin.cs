namespace CoinSource.Market;

/// <summary>One entry of the market-cap ranking.</summary>
public sealed record TopCoin
{
    public required int Rank { get; init; }

    public required string Symbol { get; init; }

    public required string Name { get; init; }

    public required string QuoteCurrency { get; init; }

    public required decimal Price { get; init; }

    public decimal? MarketCap { get; init; }

    public decimal? Volume24h { get; init; }

    public decimal? Change24hPercent { get; init; }
}
