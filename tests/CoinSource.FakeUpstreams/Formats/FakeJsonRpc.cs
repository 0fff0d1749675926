using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams.Formats;

/// <summary>
/// A public EVM JSON-RPC node: POST / with a batch, answered as a batch in reverse order (order is not
/// guaranteed by the spec). eth_gasPrice is 20 gwei; eth_feeHistory has base fees rising to 10 gwei and tips of
/// 1, 2 and 3 gwei at the 10th, 50th and 90th percentiles.
/// </summary>
public sealed class FakeJsonRpc(string source) : IFakeFormat
{
    public const decimal GasPriceGwei = 20m;
    public const decimal BaseFeeGwei = 10m;

    public static IReadOnlyList<FakeJsonRpc> All { get; } =
    [
        new("rpc-eth-publicnode"), new("rpc-eth-llamarpc"), new("rpc-polygon-publicnode"), new("rpc-bsc-publicnode"),
    ];

    public string Source => source;

    public void Map(IEndpointRouteBuilder routes, FakeMarket market) =>
        routes.MapPost("/", async (HttpRequest request) =>
        {
            using var batch = await JsonDocument.ParseAsync(request.Body);
            var answers = batch.RootElement.EnumerateArray()
                .Select(call => Answer(call.GetProperty("id").GetInt32(), call.GetProperty("method").GetString()))
                .Reverse()
                .ToList();
            // Materialised before the request document is disposed.
            return Results.Json(answers);
        });

    public IResult ErrorPayload() =>
        Results.Json(new { jsonrpc = "2.0", id = (int?)null, error = new { code = -32005, message = "rate limit exceeded" } });

    public IResult NotListed() => ErrorPayload();

    public IResult InvalidData(HttpContext context, FakeMarket market) =>
        Results.Json(new object[] { new { jsonrpc = "2.0", id = 1, result = "twenty gwei" } });

    private static object Answer(int id, string? method) => method switch
    {
        "eth_gasPrice" => new { jsonrpc = "2.0", id, result = Wei(GasPriceGwei) },
        "eth_feeHistory" => new
        {
            jsonrpc = "2.0",
            id,
            result = new
            {
                oldestBlock = "0x1312d00",
                baseFeePerGas = new[] { 9m, 9.5m, 9.8m, 9.9m, 9.95m, BaseFeeGwei }.Select(Wei),
                gasUsedRatio = new[] { 0.5, 0.6, 0.4, 0.55, 0.52 },
                reward = Enumerable.Repeat(new[] { Wei(1m), Wei(2m), Wei(3m) }, 5),
            },
        },
        _ => (object)new { jsonrpc = "2.0", id, error = new { code = -32601, message = "method not found" } },
    };

    private static string Wei(decimal gwei) => "0x" + ((long)(gwei * 1_000_000_000m)).ToString("x",
        System.Globalization.CultureInfo.InvariantCulture);
}
