using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// Kraken: /0/public/Ticker and /0/public/OHLC, every body with an "error" array. Like the real API it answers
/// under its own pair names (XBTUSD is answered as XXBTZUSD), and its OHLC keeps only the 720 latest candles.
/// </summary>
public sealed class FakeKraken : IFakeFormat
{
    private const int MaxCandles = 720;

    private static readonly string[] Quotes = ["USDT", "USDC", "USD", "EUR"];

    public string Source => "kraken";

    public void Map(IEndpointRouteBuilder routes, FakeMarket market)
    {
        routes.MapGet("/0/public/Ticker", (string pair) =>
        {
            if (Split(pair) is not { } split || !market.Lists(split.Asset))
            {
                return NotListed();
            }

            decimal price = market.Price(Source, split.Asset);
            var ticker = new Dictionary<string, object>
            {
                ["a"] = new[] { FakeText.Num(price * 1.0001m), "1", "1.000" },
                ["b"] = new[] { FakeText.Num(price * 0.9999m), "2", "2.000" },
                ["c"] = new[] { FakeText.Num(price), "0.01000000" },
                ["v"] = new[] { "120.50000000", "1234.50000000" },
                ["p"] = new[] { FakeText.Num(price), FakeText.Num(price) },
                ["t"] = new[] { 350, 4200 },
                ["l"] = new[] { FakeText.Num(price * 0.98m), FakeText.Num(price * 0.97m) },
                ["h"] = new[] { FakeText.Num(price * 1.01m), FakeText.Num(price * 1.02m) },
                ["o"] = FakeText.Num(price * 0.99m),
            };
            return Results.Json(new { error = Array.Empty<string>(), result = new Dictionary<string, object>
            {
                [ResultKey(split)] = ticker,
            } });
        });

        routes.MapGet("/0/public/OHLC", (string pair, string? interval, string? since) =>
        {
            if (Split(pair) is not { } split || !market.Lists(split.Asset))
            {
                return NotListed();
            }

            var width = TimeSpan.FromMinutes(FakeText.WholeOr(interval, 1));
            DateTimeOffset? start = FakeText.WholeOrNull(since) is { } s ? DateTimeOffset.FromUnixTimeSeconds(s + 1) : null;
            var candles = market.LatestCandles(Source, split.Asset, width, MaxCandles, start, null);
            var rows = candles.Select(c => new object[]
            {
                c.OpenTime.ToUnixTimeSeconds(), FakeText.Num(c.Open), FakeText.Num(c.High), FakeText.Num(c.Low),
                FakeText.Num(c.Close), FakeText.Num((c.High + c.Low) / 2), FakeText.Num(c.Volume), 42,
            });
            long last = candles.Count > 1 ? candles[^2].OpenTime.ToUnixTimeSeconds() : 0;
            return Results.Json(new { error = Array.Empty<string>(), result = new Dictionary<string, object>
            {
                [ResultKey(split)] = rows,
                ["last"] = last,
            } });
        });
    }

    public IResult ErrorPayload() => Results.Json(new { error = new[] { "EAPI:Rate limit exceeded" } });

    public IResult NotListed() => Results.Json(new { error = new[] { "EQuery:Unknown asset pair" } });

    public IResult InvalidData(HttpContext context, FakeMarket market)
    {
        if (context.Request.Path.Value?.EndsWith("/OHLC", StringComparison.Ordinal) == true)
        {
            long time = market.Now.ToUnixTimeSeconds() / 60 * 60;
            var row = new object[] { time, "100.0", "90.0", "110.0", "105.0", "100.0", "1.0", 3 };
            return Results.Json(new { error = Array.Empty<string>(), result = new Dictionary<string, object>
            {
                ["XXBTZUSD"] = new[] { row },
                ["last"] = time,
            } });
        }

        return Results.Json(new { error = Array.Empty<string>(), result = new Dictionary<string, object>
        {
            ["XXBTZUSD"] = new Dictionary<string, object> { ["c"] = new[] { "-5.00000", "0.1" } },
        } });
    }

    /// <summary>XBTUSD into (BTC, USD); Kraken's XBT and XDG are bitcoin and dogecoin.</summary>
    private static (string Asset, string Code, string Quote)? Split(string pair)
    {
        string? quote = Quotes.FirstOrDefault(q => pair.EndsWith(q, StringComparison.Ordinal) && pair.Length > q.Length);
        if (quote is null)
        {
            return null;
        }

        string code = pair[..^quote.Length];
        string asset = code switch
        {
            "XBT" => "BTC",
            "XDG" => "DOGE",
            _ => code,
        };
        return (asset, code, quote);
    }

    /// <summary>Kraken's legacy names for its oldest pairs (XXBTZUSD, XETHZEUR); newer ones keep the request's.</summary>
    private static string ResultKey((string Asset, string Code, string Quote) pair) =>
        pair.Code is "XBT" or "ETH" && pair.Quote is "USD" or "EUR"
            ? $"X{pair.Code}Z{pair.Quote}"
            : pair.Code + pair.Quote;
}
