using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// Etherscan API v2's gas oracle: every value a string in gwei; errors with 200 and status "0". It answers only
/// calls that carry an apikey, as the real one does.
/// </summary>
public sealed class FakeEtherscan : IFakeFormat
{
    public string Source => "etherscan";

    public void Map(IEndpointRouteBuilder routes, FakeMarket market) =>
        routes.MapGet("/v2/api", (string? module, string? action, string? apikey) =>
            module == "gastracker" && action == "gasoracle" && !string.IsNullOrEmpty(apikey)
                ? Results.Json(Oracle("10", "11", "55"))
                : Results.Json(new { status = "0", message = "NOTOK", result = "Missing/Invalid API Key" }));

    public IResult ErrorPayload() =>
        Results.Json(new { status = "0", message = "NOTOK", result = "Free API access is temporarily unavailable" });

    public IResult NotListed() =>
        Results.Json(new { status = "0", message = "NOTOK", result = "Free API access is not supported for this chain" });

    public IResult InvalidData(HttpContext context, FakeMarket market) => Results.Json(Oracle("10", "-11", "55"));

    private static object Oracle(string slow, string standard, string fast) => new
    {
        status = "1",
        message = "OK",
        result = new Dictionary<string, string>
        {
            ["LastBlock"] = "15816910",
            ["SafeGasPrice"] = slow,
            ["ProposeGasPrice"] = standard,
            ["FastGasPrice"] = fast,
            ["suggestBaseFee"] = "9.849758735",
            ["gasUsedRatio"] = "0.779364333333333,0.2434028",
        },
    };
}
