using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// OKX v5: /api/v5/market/ticker and /api/v5/market/candles inside {"code":"0","msg":"","data":[...]}. Candles are
/// all strings, newest first, at most 300 a page; "after" pages to older candles and "before" to newer ones. An
/// unknown instrument is code 51001.
/// </summary>
public sealed class FakeOkx : IFakeFormat
{
    private const int MaxCandles = 300;

    public string Source => "okx";

    public void Map(IEndpointRouteBuilder routes, FakeMarket market)
    {
        routes.MapGet("/api/v5/market/ticker", (string instId) =>
        {
            if (Asset(instId) is not { } asset || !market.Lists(asset))
            {
                return NotListed();
            }

            decimal price = market.Price(Source, asset);
            var ticker = new Dictionary<string, string>
            {
                ["instType"] = "SPOT",
                ["instId"] = instId,
                ["last"] = FakeText.Num(price),
                ["lastSz"] = "0.01",
                ["askPx"] = FakeText.Num(price + 0.1m),
                ["bidPx"] = FakeText.Num(price - 0.1m),
                ["open24h"] = FakeText.Num(price / 1.02m),
                ["high24h"] = FakeText.Num(price * 1.03m),
                ["low24h"] = FakeText.Num(price * 0.97m),
                ["volCcy24h"] = FakeText.Num(1234.5m * price),
                ["vol24h"] = "1234.5",
                ["ts"] = FakeText.Num(market.StampOf(Source).ToUnixTimeMilliseconds()),
                ["sodUtc0"] = FakeText.Num(price),
                ["sodUtc8"] = FakeText.Num(price),
            };
            return Results.Json(new { code = "0", msg = "", data = new[] { ticker } });
        });

        routes.MapGet("/api/v5/market/candles", (string instId, string? bar, string? limit, string? after,
            string? before) =>
        {
            if (Asset(instId) is not { } asset || !market.Lists(asset))
            {
                return NotListed();
            }

            if (Width(bar ?? "1m") is not { } width)
            {
                return Results.Json(new { code = "51000", msg = "Parameter bar error", data = Array.Empty<object>() },
                    statusCode: StatusCodes.Status400BadRequest);
            }

            DateTimeOffset? older = FakeText.WholeOrNull(after) is { } a
                ? DateTimeOffset.FromUnixTimeMilliseconds(a - 1)
                : null;
            DateTimeOffset? newer = FakeText.WholeOrNull(before) is { } b
                ? DateTimeOffset.FromUnixTimeMilliseconds(b + 1)
                : null;
            int count = Math.Min(FakeText.WholeOr(limit, 100), MaxCandles);
            var candles = market.LatestCandles(Source, asset, width, count, newer, older);
            long forming = market.Now.ToUnixTimeSeconds() / (long)width.TotalSeconds * (long)width.TotalSeconds;
            return Results.Json(new
            {
                code = "0",
                msg = "",
                data = candles.Reverse().Select(c => new[]
                {
                    FakeText.Num(c.OpenTime.ToUnixTimeMilliseconds()), FakeText.Num(c.Open), FakeText.Num(c.High),
                    FakeText.Num(c.Low), FakeText.Num(c.Close), FakeText.Num(c.Volume),
                    FakeText.Num(c.Volume * c.Close), FakeText.Num(c.Volume * c.Close),
                    c.OpenTime.ToUnixTimeSeconds() == forming ? "0" : "1",
                }),
            });
        });
    }

    public IResult ErrorPayload() =>
        Results.Json(new { code = "50011", msg = "Too Many Requests", data = Array.Empty<object>() });

    public IResult NotListed() =>
        Results.Json(new { code = "51001", msg = "Instrument ID does not exist", data = Array.Empty<object>() });

    public IResult InvalidData(HttpContext context, FakeMarket market)
    {
        if (context.Request.Path.Value?.EndsWith("/candles", StringComparison.Ordinal) == true)
        {
            string ts = FakeText.Num(market.Now.ToUnixTimeSeconds() / 60 * 60_000);
            return Results.Json(new
            {
                code = "0", msg = "", data = new[] { new[] { ts, "100", "90", "110", "105", "1", "100", "100", "1" } },
            });
        }

        var ticker = new Dictionary<string, string>
        {
            ["instId"] = "BTC-USDT", ["last"] = "-5", ["ts"] = FakeText.Num(market.Now.ToUnixTimeMilliseconds()),
        };
        return Results.Json(new { code = "0", msg = "", data = new[] { ticker } });
    }

    private static string? Asset(string instId) => instId.Split('-') is [var asset, _] ? asset : null;

    /// <summary>OKX bar names; "1D" opens at midnight Hong Kong time, "1Dutc" at midnight UTC.</summary>
    private static TimeSpan? Width(string bar) => bar switch
    {
        "1m" => TimeSpan.FromMinutes(1),
        "5m" => TimeSpan.FromMinutes(5),
        "15m" => TimeSpan.FromMinutes(15),
        "1H" => TimeSpan.FromHours(1),
        "4H" => TimeSpan.FromHours(4),
        "1Dutc" => TimeSpan.FromDays(1),
        _ => null,
    };
}
