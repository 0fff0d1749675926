using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// Alternative.me's /fng/?limit=N: N daily readings, newest first, values as strings, Unix-seconds timestamps as
/// strings; errors come with 200 and a non-null metadata.error.
/// </summary>
public sealed class FakeAlternativeMe : IFakeFormat
{
    public string Source => "alternative-me";

    /// <summary>The value published <paramref name="daysAgo"/> days before the fake market's day.</summary>
    public static int ValueAt(int daysAgo) => 20 + (daysAgo * 13 % 70);

    public static string Classify(int value) => value switch
    {
        < 25 => "Extreme Fear",
        < 47 => "Fear",
        < 55 => "Neutral",
        < 76 => "Greed",
        _ => "Extreme Greed",
    };

    public static DateTimeOffset DayOf(FakeMarket market, int daysAgo) =>
        DateTimeOffset.FromUnixTimeSeconds(market.Now.ToUnixTimeSeconds() / 86_400 * 86_400).AddDays(-daysAgo);

    public void Map(IEndpointRouteBuilder routes, FakeMarket market) =>
        routes.MapGet("/fng/", (string? limit) =>
        {
            int days = FakeText.WholeOr(limit, 1);
            var data = Enumerable.Range(0, days == 0 ? 30 : days).Select(i => Reading(market, i, ValueAt(i)));
            return Results.Json(new { name = "Fear and Greed Index", data, metadata = new { error = (string?)null } });
        });

    public IResult ErrorPayload() =>
        Results.Json(new { name = "Fear and Greed Index", data = Array.Empty<object>(),
            metadata = new { error = "Limit must be a number" } });

    // The index has no symbols: the nearest thing to "not listed" is an error answer.
    public IResult NotListed() => ErrorPayload();

    public IResult InvalidData(HttpContext context, FakeMarket market) =>
        Results.Json(new { name = "Fear and Greed Index", data = new[] { Reading(market, 0, 140) },
            metadata = new { error = (string?)null } });

    private static Dictionary<string, string> Reading(FakeMarket market, int daysAgo, int value)
    {
        var reading = new Dictionary<string, string>
        {
            ["value"] = FakeText.Num(value),
            ["value_classification"] = Classify(value),
            ["timestamp"] = FakeText.Num(DayOf(market, daysAgo).ToUnixTimeSeconds()),
        };
        if (daysAgo == 0)
        {
            reading["time_until_update"] = "68499";
        }

        return reading;
    }
}
