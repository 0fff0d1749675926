using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>CoinGecko: /simple/price and /coins/markets; unknown ids give {}, errors a status object.</summary>
public sealed class FakeCoinGecko(string source = "coingecko") : IFakeFormat
{
    private static readonly Dictionary<string, (string Symbol, string Name)> Ids = new(StringComparer.Ordinal)
    {
        ["bitcoin"] = ("BTC", "Bitcoin"),
        ["ethereum"] = ("ETH", "Ethereum"),
        ["solana"] = ("SOL", "Solana"),
        ["dogecoin"] = ("DOGE", "Dogecoin"),
    };

    public string Source => source;

    public void Map(IEndpointRouteBuilder routes, FakeMarket market)
    {
        routes.MapGet("/simple/price", (string ids, string vs_currencies) =>
        {
            string currency = vs_currencies.ToLowerInvariant();
            var answer = new Dictionary<string, Dictionary<string, object>>();
            foreach (string id in ids.Split(','))
            {
                if (Ids.TryGetValue(id, out var coin) && market.Lists(coin.Symbol))
                {
                    answer[id] = new Dictionary<string, object>
                    {
                        [currency] = market.Price(Source, coin.Symbol),
                        [$"{currency}_24h_change"] = 1.5m,
                        [$"{currency}_24h_vol"] = 1_000_000m,
                        ["last_updated_at"] = market.StampOf(Source).ToUnixTimeSeconds(),
                    };
                }
            }

            return Results.Json(answer);
        });

        routes.MapGet("/coins/markets", (string vs_currency, string? per_page) =>
        {
            int count = FakeText.WholeOr(per_page, 100);
            var coins = Ids
                .Where(c => market.Lists(c.Value.Symbol))
                .Select(c => (Id: c.Key, c.Value.Symbol, c.Value.Name, Price: market.Price(Source, c.Value.Symbol)))
                .OrderByDescending(c => c.Price)
                .Take(count)
                .Select((c, i) => new Dictionary<string, object?>
                {
                    ["id"] = c.Id,
                    ["symbol"] = c.Symbol.ToLowerInvariant(),
                    ["name"] = c.Name,
                    ["current_price"] = c.Price,
                    ["market_cap"] = c.Price * 19_000_000m,
                    ["market_cap_rank"] = i + 1,
                    ["total_volume"] = c.Price * 1000m,
                    ["price_change_percentage_24h"] = 1.25m,
                    ["roi"] = null,
                });
            return Results.Json(coins);
        });
    }

    public IResult ErrorPayload() =>
        Results.Json(new { status = new { error_code = 429, error_message = "You've exceeded the Rate Limit." } });

    public IResult NotListed() => Results.Json(new Dictionary<string, object>());

    public IResult InvalidData(HttpContext context, FakeMarket market) =>
        Results.Json(new Dictionary<string, object>
        {
            ["bitcoin"] = new Dictionary<string, object> { ["usd"] = -1m, ["last_updated_at"] = market.Now.ToUnixTimeSeconds() },
        });
}
