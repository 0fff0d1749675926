using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// Bitfinex v2: /v2/ticker/{symbol} and /v2/candles/trade:{tf}:{symbol}/hist, bare arrays of numbers. Candles are
/// [MTS, OPEN, CLOSE, HIGH, LOW, VOLUME], newest first unless sort=1. USDT is "UST", there is no 4h time frame,
/// and an unknown symbol is ["error",10020,"symbol: invalid"] with 500.
/// </summary>
public sealed class FakeBitfinex : IFakeFormat
{
    private const int MaxCandles = 10_000;

    private static readonly string[] Quotes = ["UST", "USD", "EUR"];

    public string Source => "bitfinex";

    public void Map(IEndpointRouteBuilder routes, FakeMarket market)
    {
        routes.MapGet("/v2/ticker/{symbol}", (string symbol) =>
        {
            if (Asset(symbol) is not { } asset || !market.Lists(asset))
            {
                return NotListed();
            }

            decimal price = market.Price(Source, asset);
            return Results.Json(new[]
            {
                price - 1m, 2.55279457m, price + 1m, 6.36068263m, price * 0.0138m, 0.0138m, price, 2638.4314844m,
                price * 1.02m, price * 0.97m,
            });
        });

        routes.MapGet("/v2/candles/{key}/hist", (string key, string? limit, string? start, string? end,
            string? sort) =>
        {
            // key is trade:{time frame}:{symbol}, and a symbol may itself hold a colon (tDOGE:USD).
            string[] parts = key.Split(':', 3);
            if (parts.Length != 3 || Width(parts[1]) is not { } width)
            {
                return Results.Json(new object[] { "error", 10020, "time_frame: invalid" },
                    statusCode: StatusCodes.Status500InternalServerError);
            }

            if (Asset(parts[2]) is not { } asset || !market.Lists(asset))
            {
                return NotListed();
            }

            DateTimeOffset? from = FakeText.WholeOrNull(start) is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null;
            DateTimeOffset? to = FakeText.WholeOrNull(end) is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : null;
            int count = Math.Min(FakeText.WholeOr(limit, 100), MaxCandles);
            var candles = sort == "1"
                ? market.Candles(Source, asset, width, count, from, to)
                : market.LatestCandles(Source, asset, width, count, from, to).Reverse();
            return Results.Json(candles.Select(c => new object[]
            {
                c.OpenTime.ToUnixTimeMilliseconds(), c.Open, c.Close, c.High, c.Low, c.Volume,
            }));
        });
    }

    public IResult ErrorPayload() => Results.Json(new object[] { "error", 11010, "ratelimit: error" });

    public IResult NotListed() =>
        Results.Json(new object[] { "error", 10020, "symbol: invalid" },
            statusCode: StatusCodes.Status500InternalServerError);

    public IResult InvalidData(HttpContext context, FakeMarket market)
    {
        if (context.Request.Path.Value?.EndsWith("/hist", StringComparison.Ordinal) == true)
        {
            long mts = market.Now.ToUnixTimeSeconds() / 60 * 60_000;
            return Results.Json(new[] { new object[] { mts, 100m, 105m, 90m, 110m, 1m } });
        }

        return Results.Json(new[] { 1m, 1m, 1m, 1m, 0m, 0m, -5m, 1m, 2m, 1m });
    }

    /// <summary>tBTCUSD, tBTCUST, tDOGE:USD into the asset.</summary>
    private static string? Asset(string symbol)
    {
        if (!symbol.StartsWith('t'))
        {
            return null;
        }

        string pair = symbol[1..];
        if (pair.Split(':') is [var asset, var quote])
        {
            return Quotes.Contains(quote) ? asset : null;
        }

        return pair.Length == 6 && Quotes.Contains(pair[3..]) ? pair[..3] : null;
    }

    private static TimeSpan? Width(string timeFrame) => timeFrame switch
    {
        "1m" => TimeSpan.FromMinutes(1),
        "5m" => TimeSpan.FromMinutes(5),
        "15m" => TimeSpan.FromMinutes(15),
        "30m" => TimeSpan.FromMinutes(30),
        "1h" => TimeSpan.FromHours(1),
        "3h" => TimeSpan.FromHours(3),
        "6h" => TimeSpan.FromHours(6),
        "12h" => TimeSpan.FromHours(12),
        "1D" => TimeSpan.FromDays(1),
        _ => null,
    };
}
