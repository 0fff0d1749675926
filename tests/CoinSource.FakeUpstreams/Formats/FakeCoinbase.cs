using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// Coinbase Exchange: /products/{id}/ticker and /products/{id}/candles. Candles are [time, low, high, open, close,
/// volume], newest first; a range of more than 300 candles or an unknown granularity is refused with 400, an
/// unknown product is {"message":"NotFound"} with 404.
/// </summary>
public sealed class FakeCoinbase : IFakeFormat
{
    private const int MaxCandles = 300;

    private static readonly int[] Granularities = [60, 300, 900, 3600, 21600, 86400];

    public string Source => "coinbase";

    public void Map(IEndpointRouteBuilder routes, FakeMarket market)
    {
        routes.MapGet("/products/{product}/ticker", (string product) =>
        {
            if (Asset(product) is not { } asset || !market.Lists(asset))
            {
                return NotListed();
            }

            decimal price = market.Price(Source, asset);
            return Results.Json(new Dictionary<string, object>
            {
                ["ask"] = FakeText.Num(price + 0.01m),
                ["bid"] = FakeText.Num(price - 0.01m),
                ["volume"] = "1207.50668151",
                ["trade_id"] = 18502105,
                ["price"] = FakeText.Num(price),
                ["size"] = "0.00730812",
                ["time"] = market.StampOf(Source).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
                ["rfq_volume"] = "7.669923",
            });
        });

        routes.MapGet("/products/{product}/candles", (string product, string? granularity, string? start,
            string? end) =>
        {
            if (Asset(product) is not { } asset || !market.Lists(asset))
            {
                return NotListed();
            }

            int seconds = FakeText.WholeOr(granularity, 86400);
            if (!Granularities.Contains(seconds))
            {
                return Refuse("Unsupported granularity");
            }

            var width = TimeSpan.FromSeconds(seconds);
            DateTimeOffset? from = Time(start);
            DateTimeOffset? to = Time(end);
            if (from is null || to is null)
            {
                // Either bound missing: both are ignored and the latest candles come back.
                (from, to) = (null, null);
            }
            else if ((to.Value - from.Value) / width + 1 > MaxCandles)
            {
                return Refuse("granularity too small for the requested time range. Count of aggregations requested "
                    + "exceeds 300");
            }

            var candles = market.LatestCandles(Source, asset, width, MaxCandles, from, to);
            return Results.Json(candles.Reverse().Select(c => new object[]
            {
                c.OpenTime.ToUnixTimeSeconds(), c.Low, c.High, c.Open, c.Close, c.Volume,
            }));
        });
    }

    public IResult ErrorPayload() => Results.Json(new { message = "Internal server error" });

    public IResult NotListed() => Results.Json(new { message = "NotFound" }, statusCode: StatusCodes.Status404NotFound);

    public IResult InvalidData(HttpContext context, FakeMarket market)
    {
        if (context.Request.Path.Value?.EndsWith("/candles", StringComparison.Ordinal) == true)
        {
            long time = market.Now.ToUnixTimeSeconds() / 60 * 60;
            return Results.Json(new[] { new object[] { time, 110m, 90m, 100m, 105m, 1m } });
        }

        return Results.Json(new { price = "-5.00", volume = "1.0", time = "2025-11-24T16:00:00Z" });
    }

    private static IResult Refuse(string message) =>
        Results.Json(new { message }, statusCode: StatusCodes.Status400BadRequest);

    private static string? Asset(string product) => product.Split('-') is [var asset, _] ? asset : null;

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}
