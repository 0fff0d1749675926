using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// CoinMarketCap's /v3/fear-and-greed/historical?limit=N: N daily readings, newest first, values as numbers and
/// timestamps as strings of Unix seconds, beside a status object whose error_code is "0". Without the
/// X-CMC_PRO_API_KEY header it answers 401 with error_code 1002, as the real API does.
/// </summary>
public sealed class FakeCoinMarketCap : IFakeFormat
{
    public const string KeyHeader = "X-CMC_PRO_API_KEY";

    public string Source => "coinmarketcap";

    /// <summary>CoinMarketCap's index is its own: its values differ from Alternative.me's on the same days.</summary>
    public static int ValueAt(int daysAgo) => 35 + (daysAgo * 11 % 50);

    public void Map(IEndpointRouteBuilder routes, FakeMarket market) =>
        routes.MapGet("/v3/fear-and-greed/historical", (HttpContext context, string? limit) =>
        {
            if (!context.Request.Headers.ContainsKey(KeyHeader))
            {
                return Results.Json(Error(1002, "API key missing."), statusCode: StatusCodes.Status401Unauthorized);
            }

            int days = FakeText.WholeOr(limit, 50);
            var data = Enumerable.Range(0, days).Select(i => Reading(market, i, ValueAt(i)));
            return Results.Json(new { data, status = Fine });
        });

    public IResult ErrorPayload() =>
        Results.Json(Error(1008, "You've exceeded your API Key's HTTP request rate limit."));

    // The index has no symbols: the nearest thing to "not listed" is an error answer.
    public IResult NotListed() => ErrorPayload();

    public IResult InvalidData(HttpContext context, FakeMarket market) =>
        Results.Json(new { data = new[] { Reading(market, 0, 140) }, status = Fine });

    private static object Reading(FakeMarket market, int daysAgo, int value) => new
    {
        timestamp = FakeText.Num(FakeAlternativeMe.DayOf(market, daysAgo).ToUnixTimeSeconds()),
        value,
        value_classification = FakeAlternativeMe.Classify(value),
    };

    // Successful answers carry the code as the string "0"; errors as a number.
    private static object Fine => new { error_code = "0", error_message = "", elapsed = 1, credit_count = 1 };

    private static object Error(int code, string message) =>
        new { status = new { error_code = code, error_message = message, elapsed = 0, credit_count = 0 } };
}
