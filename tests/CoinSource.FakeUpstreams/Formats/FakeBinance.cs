using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>Binance spot: /api/v3/ticker/24hr and /api/v3/klines, errors as {code,msg}.</summary>
public sealed class FakeBinance : IFakeFormat
{
    private static readonly string[] Quotes = ["USDT", "USDC", "EUR", "BTC"];

    public string Source => "binance";

    public void Map(IEndpointRouteBuilder routes, FakeMarket market)
    {
        routes.MapGet("/api/v3/ticker/24hr", (string symbol) =>
        {
            if (Asset(symbol) is not { } asset || !market.Lists(asset))
            {
                return NotListed();
            }

            decimal price = market.Price(Source, asset);
            long close = market.StampOf(Source).ToUnixTimeMilliseconds();
            return Results.Json(new Dictionary<string, object>
            {
                ["symbol"] = symbol,
                ["priceChange"] = FakeText.Num(price * 0.01m),
                ["priceChangePercent"] = "1.000",
                ["lastPrice"] = FakeText.Num(price),
                ["highPrice"] = FakeText.Num(price * 1.02m),
                ["lowPrice"] = FakeText.Num(price * 0.97m),
                ["volume"] = "1234.50000000",
                ["openTime"] = close - 86_400_000,
                ["closeTime"] = close,
                ["count"] = 1000,
            });
        });

        routes.MapGet("/api/v3/klines", (string symbol, string interval, string? limit, string? startTime,
            string? endTime) =>
        {
            if (Asset(symbol) is not { } asset || !market.Lists(asset))
            {
                return NotListed();
            }

            var start = FakeText.WholeOrNull(startTime) is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : (DateTimeOffset?)null;
            var end = FakeText.WholeOrNull(endTime) is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : (DateTimeOffset?)null;
            var candles = market.Candles(Source, asset, Width(interval), FakeText.WholeOr(limit, 500), start, end);
            return Results.Json(candles.Select(c => new object[]
            {
                c.OpenTime.ToUnixTimeMilliseconds(), FakeText.Num(c.Open), FakeText.Num(c.High), FakeText.Num(c.Low),
                FakeText.Num(c.Close), FakeText.Num(c.Volume), c.OpenTime.ToUnixTimeMilliseconds() + 59_999,
                "0", 10, "0", "0", "0",
            }));
        });
    }

    public IResult ErrorPayload() => Results.Json(new { code = -1003, msg = "Too much request weight used." });

    public IResult NotListed() =>
        Results.Json(new { code = -1121, msg = "Invalid symbol." }, statusCode: StatusCodes.Status400BadRequest);

    public IResult InvalidData(HttpContext context, FakeMarket market) =>
        Results.Json(new { symbol = "BTCUSDT", lastPrice = "-5.00000000", closeTime = market.Now.ToUnixTimeMilliseconds() });

    private static string? Asset(string symbol) =>
        Quotes.FirstOrDefault(q => symbol.EndsWith(q, StringComparison.Ordinal) && symbol.Length > q.Length) is { } quote
            ? symbol[..^quote.Length]
            : null;

    private static TimeSpan Width(string interval) => interval switch
    {
        "1m" => TimeSpan.FromMinutes(1),
        "5m" => TimeSpan.FromMinutes(5),
        "15m" => TimeSpan.FromMinutes(15),
        "1h" => TimeSpan.FromHours(1),
        "4h" => TimeSpan.FromHours(4),
        _ => TimeSpan.FromDays(1),
    };
}
