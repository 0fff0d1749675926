using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>CryptoPanic's /api/v1/posts/: results with title, url, published_at and the original source's title.</summary>
public sealed class FakeCryptoPanic : IFakeFormat
{
    public const string Title = "Bitcoin miners rally as hashrate hits a record";

    public string Source => "cryptopanic";

    public void Map(IEndpointRouteBuilder routes, FakeMarket market) =>
        routes.MapGet("/api/v1/posts/", () => Results.Json(Posts(market.Now.AddMinutes(-3))));

    public IResult ErrorPayload() => Results.Json(new { status = "Incomplete", info = "Token not found" });

    public IResult NotListed() => ErrorPayload();

    public IResult InvalidData(HttpContext context, FakeMarket market) => Results.Json(Posts(market.Now.AddDays(3)));

    private static object Posts(DateTimeOffset published) => new
    {
        count = 1,
        next = (string?)null,
        previous = (string?)null,
        results = new[]
        {
            new
            {
                kind = "news",
                domain = "example.com",
                source = new { title = "Example <b>News</b>", region = "en", domain = "example.com" },
                title = Title,
                published_at = published.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                id = 15025037,
                url = "https://cryptopanic.com/news/15025037/Bitcoin-miners-rally",
            },
        },
    };
}
