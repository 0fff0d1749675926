using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// CryptoCompare min-api: /data/pricemultifull, /data/v2/histominute|histohour|histoday and /data/top/mktcapfull.
/// Errors are {"Response":"Error","Message":...} sent with 200. A history answer holds limit + 1 candles, each
/// "aggregate" native candles wide, ending at toTs; the ranking holds a coin without prices, as the real one can.
/// </summary>
public sealed class FakeCryptoCompare : IFakeFormat
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["BTC"] = "Bitcoin",
        ["ETH"] = "Ethereum",
        ["SOL"] = "Solana",
        ["DOGE"] = "Dogecoin",
    };

    public string Source => "cryptocompare";

    public void Map(IEndpointRouteBuilder routes, FakeMarket market)
    {
        routes.MapGet("/data/pricemultifull", (string fsyms, string tsyms) =>
        {
            var raw = new Dictionary<string, object>();
            foreach (string fsym in fsyms.Split(',').Where(market.Lists))
            {
                raw[fsym] = tsyms.Split(',').ToDictionary(t => t, t => (object)Raw(market, fsym, t));
            }

            return raw.Count == 0
                ? Error($"There is no data for the symbol {fsyms} .", 2)
                : Results.Json(new Dictionary<string, object> { ["RAW"] = raw, ["DISPLAY"] = new { } });
        });

        routes.MapGet("/data/v2/{endpoint}", (string endpoint, string fsym, string tsym, string? limit,
            string? aggregate, string? toTs) =>
        {
            if (!market.Lists(fsym))
            {
                return NotListed();
            }

            TimeSpan native = endpoint switch
            {
                "histominute" => TimeSpan.FromMinutes(1),
                "histohour" => TimeSpan.FromHours(1),
                _ => TimeSpan.FromDays(1),
            };
            var width = native * FakeText.WholeOr(aggregate, 1);
            DateTimeOffset? end = FakeText.WholeOrNull(toTs) is { } ts ? DateTimeOffset.FromUnixTimeSeconds(ts) : null;
            var candles = market.Candles(Source, fsym, width, FakeText.WholeOr(limit, 30) + 1, null, end);
            return Results.Json(new Dictionary<string, object>
            {
                ["Response"] = "Success",
                ["Message"] = "",
                ["HasWarning"] = false,
                ["Type"] = 100,
                ["RateLimit"] = new { },
                ["Data"] = new Dictionary<string, object>
                {
                    ["Aggregated"] = width != native,
                    ["TimeFrom"] = candles[0].OpenTime.ToUnixTimeSeconds(),
                    ["TimeTo"] = candles[^1].OpenTime.ToUnixTimeSeconds(),
                    ["Data"] = candles.Select(Row),
                },
            });
        });

        routes.MapGet("/data/top/mktcapfull", (string tsym, string? limit) =>
        {
            var coins = Names.Keys
                .Where(market.Lists)
                .OrderByDescending(s => market.Price(Source, s))
                .Select(s => new Dictionary<string, object>
                {
                    ["CoinInfo"] = new Dictionary<string, object> { ["Name"] = s, ["FullName"] = Names[s] },
                    ["RAW"] = new Dictionary<string, object> { [tsym] = Raw(market, s, tsym) },
                })
                .Append(new Dictionary<string, object>
                {
                    ["CoinInfo"] = new Dictionary<string, object> { ["Name"] = "NOPRICE", ["FullName"] = "No Price" },
                })
                .Take(FakeText.WholeOr(limit, 10));
            return Results.Json(new Dictionary<string, object>
            {
                ["Message"] = "Success",
                ["Type"] = 100,
                ["SponsoredData"] = Array.Empty<object>(),
                ["Data"] = coins,
            });
        });
    }

    public IResult ErrorPayload() => Error("You are over your rate limit please upgrade your account!", 99);

    public IResult NotListed() => Error("cccagg_or_exchange market does not exist for this coin pair (BTC-XYZ)", 2);

    public IResult InvalidData(HttpContext context, FakeMarket market)
    {
        if (context.Request.Path.Value?.Contains("/data/v2/", StringComparison.Ordinal) == true)
        {
            long time = market.Now.ToUnixTimeSeconds() / 60 * 60;
            var row = new Dictionary<string, object>
            {
                ["time"] = time, ["open"] = 100m, ["high"] = 90m, ["low"] = 110m, ["close"] = 105m,
                ["volumefrom"] = 1m, ["volumeto"] = 100m,
            };
            return Results.Json(new Dictionary<string, object>
            {
                ["Response"] = "Success",
                ["Data"] = new Dictionary<string, object> { ["Data"] = new[] { row } },
            });
        }

        var raw = new Dictionary<string, object> { ["PRICE"] = -5m, ["LASTUPDATE"] = market.Now.ToUnixTimeSeconds() };
        return Results.Json(new Dictionary<string, object>
        {
            ["RAW"] = new Dictionary<string, object>
            {
                ["BTC"] = new Dictionary<string, object> { ["USD"] = raw, ["USDT"] = raw },
            },
        });
    }

    private static IResult Error(string message, int type) =>
        Results.Json(new Dictionary<string, object>
        {
            ["Response"] = "Error",
            ["Message"] = message,
            ["HasWarning"] = false,
            ["Type"] = type,
            ["RateLimit"] = new { },
            ["Data"] = new { },
        });

    private Dictionary<string, object> Raw(FakeMarket market, string fsym, string tsym)
    {
        decimal price = market.Price(Source, fsym);
        return new Dictionary<string, object>
        {
            ["TYPE"] = "5",
            ["MARKET"] = "CCCAGG",
            ["FROMSYMBOL"] = fsym,
            ["TOSYMBOL"] = tsym,
            ["PRICE"] = price,
            ["LASTUPDATE"] = market.StampOf(Source).ToUnixTimeSeconds(),
            ["VOLUME24HOUR"] = 1234.5m,
            ["VOLUME24HOURTO"] = 1234.5m * price,
            ["TOTALVOLUME24HTO"] = 2000m * price,
            ["OPEN24HOUR"] = price * 0.99m,
            ["HIGH24HOUR"] = price * 1.02m,
            ["LOW24HOUR"] = price * 0.97m,
            ["CHANGE24HOUR"] = price * 0.01m,
            ["CHANGEPCT24HOUR"] = 1.0101m,
            ["MKTCAP"] = price * 19_000_000m,
        };
    }

    private static Dictionary<string, object> Row(FakeCandle c) => new()
    {
        ["time"] = c.OpenTime.ToUnixTimeSeconds(),
        ["high"] = c.High,
        ["low"] = c.Low,
        ["open"] = c.Open,
        ["volumefrom"] = c.Volume,
        ["volumeto"] = c.Volume * c.Close,
        ["close"] = c.Close,
        ["conversionType"] = "direct",
        ["conversionSymbol"] = "",
    };
}
