using System.Globalization;
using System.Numerics;
using System.Text.Json;
using CoinSource.Gas;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.JsonRpc;

/// <summary>
/// Gas prices from a public JSON-RPC node, keyless: one batch POST of <c>eth_gasPrice</c> and
/// <c>eth_feeHistory(5 blocks, latest, [10, 50, 90])</c>. On EIP-1559 chains slow, standard and fast are the next
/// block's base fee plus the median 10th, 50th and 90th percentile tip of the last five blocks; where the node
/// gives no fee history, standard is <c>eth_gasPrice</c> alone.
/// </summary>
public sealed class JsonRpcGasSource(
    RpcNode node, SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IGasSource
{
    private const string Batch = """
        [{"jsonrpc":"2.0","id":1,"method":"eth_gasPrice","params":[]},
        {"jsonrpc":"2.0","id":2,"method":"eth_feeHistory","params":["0x5","latest",[10,50,90]]}]
        """;

    // Far above any gas price ever paid: a larger one is a unit mix-up or garbage.
    private const decimal MaxGwei = 1_000_000m;

    public override string Name => node.Name;

    public override Uri DefaultBaseUrl => node.DefaultBaseUrl;

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public bool Supports(EvmChain chain) => chain == node.Chain;

    public Task<UpstreamResult<GasPrice>> GetGasAsync(EvmChain chain, CancellationToken cancellationToken)
    {
        var request = Request("eth_gasPrice+eth_feeHistory", "/") with { JsonBody = Batch };
        return Http.GetJsonAsync(request, root => Parse(root, chain, Time.GetUtcNow()), cancellationToken);
    }

    /// <summary>The batch answer: an array of <c>{"id":1,"result":"0x4a817c800"}</c>, in any order.</summary>
    internal static GasPrice Parse(JsonElement root, EvmChain chain, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"expected a JSON-RPC batch answer (an array), got {root.ValueKind}");
        }

        var byId = root.EnumerateArray().ToDictionary(r => JsonValues.WholeNumber(JsonValues.Property(r, "id"), "id"));
        if (!byId.TryGetValue(1, out var gasPriceAnswer))
        {
            throw new InvalidUpstreamDataException("the eth_gasPrice answer is missing");
        }

        decimal gasPrice = Gwei(JsonValues.Property(gasPriceAnswer, "result"), "eth_gasPrice");
        if (!byId.TryGetValue(2, out var history) || JsonValues.OptionalProperty(history, "result") is not { } fees)
        {
            return new GasPrice(chain, null, gasPrice, null, null, now);
        }

        var baseFees = JsonValues.Property(fees, "baseFeePerGas");
        decimal baseFee = Gwei(JsonValues.Index(baseFees, baseFees.GetArrayLength() - 1, "baseFeePerGas"),
            "baseFeePerGas");
        var rewards = JsonValues.Property(fees, "reward").EnumerateArray().ToList();
        if (rewards.Count == 0)
        {
            return new GasPrice(chain, null, gasPrice, null, baseFee, now);
        }

        return new GasPrice(chain, Tier(baseFee, rewards, 0), Tier(baseFee, rewards, 1), Tier(baseFee, rewards, 2),
            baseFee, now);
    }

    /// <summary>JSON-RPC errors: <c>{"id":1,"error":{"code":-32005,"message":"rate limit"}}</c>, alone or in a batch.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        // A node without fee history still answers eth_gasPrice: only a failed batch or eth_gasPrice fails the call.
        var answer = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().FirstOrDefault(a => IsId(a, 1)) : root;
        if (JsonValues.OptionalProperty(answer, "error") is not { } error)
        {
            return null;
        }

        string message = JsonValues.OptionalProperty(error, "message")?.ToString() ?? error.GetRawText();
        return UpstreamFailure.ErrorPayload($"JSON-RPC error: {(message.Length <= 120 ? message : message[..120])}");
    }

    private static bool IsId(JsonElement answer, long id) =>
        JsonValues.OptionalProperty(answer, "id") is { ValueKind: JsonValueKind.Number } value
        && value.TryGetInt64(out long number) && number == id;

    private static decimal Tier(decimal baseFee, List<JsonElement> rewards, int column)
    {
        var tips = rewards.Select(block => Gwei(JsonValues.Index(block, column, "reward"), "reward")).Order().ToList();
        return Math.Round(baseFee + tips[tips.Count / 2], 4);
    }

    /// <summary>A hex quantity in wei (<c>"0x4a817c800"</c>) as gwei.</summary>
    private static decimal Gwei(JsonElement value, string field)
    {
        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text is not { Length: > 2 and <= 34 } || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || !BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture,
                out var wei))
        {
            throw new InvalidUpstreamDataException($"field '{field}' is not a hex quantity: {value.GetRawText()}");
        }

        decimal gwei = Math.Round((decimal)wei / 1_000_000_000m, 4);
        return gwei <= MaxGwei
            ? gwei
            : throw new InvalidUpstreamDataException($"field '{field}' is not a plausible gas price: {gwei} gwei");
    }
}
