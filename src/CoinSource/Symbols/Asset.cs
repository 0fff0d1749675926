namespace CoinSource.Symbols;

/// <summary>What CoinSource knows about an asset's names at the aggregators that use ids instead of tickers.</summary>
/// <param name="Symbol">The ticker, upper case: BTC.</param>
/// <param name="Name">The asset's name: Bitcoin.</param>
/// <param name="CoinGeckoId">CoinGecko's id: bitcoin.</param>
/// <param name="CoinPaprikaId">CoinPaprika's id: btc-bitcoin.</param>
public sealed record Asset(string Symbol, string Name, string? CoinGeckoId, string? CoinPaprikaId);
