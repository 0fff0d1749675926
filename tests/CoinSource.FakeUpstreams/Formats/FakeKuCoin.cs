using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// KuCoin: /api/v1/market/stats and /api/v1/market/candles inside {"code":"200000","data":...}. Candles are all
/// strings, [time, open, CLOSE, high, low, volume, turnover], newest first. Like the real API, stats for an unknown
/// symbol come back with null values, candles with code 400100.
/// </summary>
public sealed class FakeKuCoin : IFakeFormat
{
    private const int MaxCandles = 1500;

    public string Source => "kucoin";

    public void Map(IEndpointRouteBuilder routes, FakeMarket market)
    {
        routes.MapGet("/api/v1/market/stats", (string symbol) =>
        {
            long time = market.StampOf(Source).ToUnixTimeMilliseconds();
            if (Asset(symbol) is not { } asset || !market.Lists(asset))
            {
                return Results.Json(new
                {
                    code = "200000",
                    data = new Dictionary<string, object?>
                    {
                        ["time"] = time, ["symbol"] = symbol, ["buy"] = null, ["sell"] = null, ["changeRate"] = null,
                        ["high"] = null, ["low"] = null, ["vol"] = null, ["last"] = null,
                    },
                });
            }

            decimal price = market.Price(Source, asset);
            return Results.Json(new
            {
                code = "200000",
                data = new Dictionary<string, object>
                {
                    ["time"] = time,
                    ["symbol"] = symbol,
                    ["buy"] = FakeText.Num(price - 0.1m),
                    ["sell"] = FakeText.Num(price),
                    ["changeRate"] = "0.0123",
                    ["changePrice"] = FakeText.Num(price * 0.0123m),
                    ["high"] = FakeText.Num(price * 1.02m),
                    ["low"] = FakeText.Num(price * 0.97m),
                    ["vol"] = "6442.17728633",
                    ["volValue"] = FakeText.Num(6442.17728633m * price),
                    ["last"] = FakeText.Num(price),
                    ["averagePrice"] = FakeText.Num(price * 0.995m),
                    ["takerFeeRate"] = "0.001",
                    ["makerFeeRate"] = "0.001",
                },
            });
        });

        routes.MapGet("/api/v1/market/candles", (string symbol, string type, string? startAt, string? endAt) =>
        {
            if (Asset(symbol) is not { } asset || !market.Lists(asset))
            {
                return NotListed();
            }

            // endAt is exclusive: a candle opening exactly at it is left out.
            DateTimeOffset? from = FakeText.WholeOrNull(startAt) is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
            DateTimeOffset? to = FakeText.WholeOrNull(endAt) is { } e ? DateTimeOffset.FromUnixTimeSeconds(e - 1) : null;
            var candles = market.LatestCandles(Source, asset, Width(type), MaxCandles, from, to);
            return Results.Json(new
            {
                code = "200000",
                data = candles.Reverse().Select(c => new[]
                {
                    FakeText.Num(c.OpenTime.ToUnixTimeSeconds()), FakeText.Num(c.Open), FakeText.Num(c.Close),
                    FakeText.Num(c.High), FakeText.Num(c.Low), FakeText.Num(c.Volume),
                    FakeText.Num(c.Volume * c.Close),
                }),
            });
        });
    }

    public IResult ErrorPayload() => Results.Json(new { code = "429000", msg = "Too Many Requests" });

    public IResult NotListed() => Results.Json(new { code = "400100", msg = "This pair is not provided at present" });

    public IResult InvalidData(HttpContext context, FakeMarket market)
    {
        if (context.Request.Path.Value?.EndsWith("/candles", StringComparison.Ordinal) == true)
        {
            string time = FakeText.Num(market.Now.ToUnixTimeSeconds() / 60 * 60);
            var row = new[] { time, "100", "105", "90", "110", "1", "100" };
            return Results.Json(new { code = "200000", data = new[] { row } });
        }

        return Results.Json(new
        {
            code = "200000",
            data = new { time = market.Now.ToUnixTimeMilliseconds(), symbol = "BTC-USDT", last = "-5" },
        });
    }

    private static string? Asset(string symbol) => symbol.Split('-') is [var asset, _] ? asset : null;

    private static TimeSpan Width(string type) => type switch
    {
        "1min" => TimeSpan.FromMinutes(1),
        "5min" => TimeSpan.FromMinutes(5),
        "15min" => TimeSpan.FromMinutes(15),
        "1hour" => TimeSpan.FromHours(1),
        "4hour" => TimeSpan.FromHours(4),
        _ => TimeSpan.FromDays(1),
    };
}
