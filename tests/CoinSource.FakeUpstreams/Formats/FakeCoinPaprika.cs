using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// CoinPaprika v1: /tickers/{id} and /tickers, prices under quotes.{CURRENCY}; an unknown id is
/// {"error":"id not found"} with 404. The list also holds a coin without a rank (rank 0), as the real one does.
/// </summary>
public sealed class FakeCoinPaprika : IFakeFormat
{
    private static readonly Dictionary<string, (string Symbol, string Name)> Ids = new(StringComparer.Ordinal)
    {
        ["btc-bitcoin"] = ("BTC", "Bitcoin"),
        ["eth-ethereum"] = ("ETH", "Ethereum"),
        ["sol-solana"] = ("SOL", "Solana"),
        ["doge-dogecoin"] = ("DOGE", "Dogecoin"),
    };

    public string Source => "coinpaprika";

    public void Map(IEndpointRouteBuilder routes, FakeMarket market)
    {
        routes.MapGet("/tickers/{id}", (string id, string? quotes) =>
        {
            if (!Ids.TryGetValue(id, out var coin) || !market.Lists(coin.Symbol))
            {
                return NotListed();
            }

            return Results.Json(Ticker(market, id, coin.Symbol, coin.Name, rank: 1, Currencies(quotes)));
        });

        routes.MapGet("/tickers", (string? quotes) =>
        {
            var currencies = Currencies(quotes);
            var ranked = Ids
                .Where(c => market.Lists(c.Value.Symbol))
                .OrderByDescending(c => market.Price(Source, c.Value.Symbol))
                .Select((c, i) => Ticker(market, c.Key, c.Value.Symbol, c.Value.Name, i + 1, currencies));
            var unranked = Ticker(market, "new-newcoin", "NEW", "Newcoin", 0, currencies);
            return Results.Json(ranked.Append(unranked));
        });
    }

    public IResult ErrorPayload() => Results.Json(new { error = "Internal server error" });

    public IResult NotListed() => Results.Json(new { error = "id not found" }, statusCode: StatusCodes.Status404NotFound);

    public IResult InvalidData(HttpContext context, FakeMarket market) =>
        Results.Json(new Dictionary<string, object>
        {
            ["id"] = "btc-bitcoin",
            ["symbol"] = "BTC",
            ["rank"] = 1,
            ["last_updated"] = Iso(market.StampOf(Source)),
            ["quotes"] = new Dictionary<string, object> { ["USD"] = new { price = -5.0m } },
        });

    private Dictionary<string, object> Ticker(FakeMarket market, string id, string symbol, string name, int rank,
        string[] currencies)
    {
        // The unranked coin is not part of the fake market; a token price keeps its row well-formed.
        decimal price = market.Lists(symbol) ? market.Price(Source, symbol) : 0.5m;
        var prices = currencies.ToDictionary(c => c, _ => (object)new Dictionary<string, object>
        {
            ["price"] = price,
            ["volume_24h"] = price * 1000m,
            ["volume_24h_change_24h"] = 2.5m,
            ["market_cap"] = price * 19_000_000m,
            ["market_cap_change_24h"] = 1.1m,
            ["percent_change_1h"] = 0.1m,
            ["percent_change_24h"] = 1.25m,
            ["percent_change_7d"] = -3.0m,
        });
        return new Dictionary<string, object>
        {
            ["id"] = id,
            ["name"] = name,
            ["symbol"] = symbol,
            ["rank"] = rank,
            ["circulating_supply"] = 19_000_000,
            ["total_supply"] = 19_000_000,
            ["max_supply"] = 21_000_000,
            ["beta_value"] = 0.9m,
            ["first_data_at"] = "2010-07-17T00:00:00Z",
            ["last_updated"] = Iso(market.StampOf(Source)),
            ["quotes"] = prices,
        };
    }

    private static string[] Currencies(string? quotes) =>
        (quotes ?? "USD").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
