using System.Text.Json;
using CoinSource.Gas;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.Etherscan;

/// <summary>
/// Etherscan's gas oracle, API v2 (<c>/v2/api?chainid=1&amp;module=gastracker&amp;action=gasoracle</c>), which
/// needs a key: slow, standard and fast prices and the suggested base fee, all in gwei as strings. Errors come with
/// 200 as <c>{"status":"0","message":"NOTOK","result":"..."}</c>.
/// </summary>
public sealed class EtherscanSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IGasSource
{
    public const string SourceName = "etherscan";

    private static readonly Dictionary<EvmChain, int> ChainIds = new()
    {
        [EvmChain.Ethereum] = 1,
        [EvmChain.Polygon] = 137,
    };

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://api.etherscan.io");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public bool Supports(EvmChain chain) => ChainIds.ContainsKey(chain);

    public Task<UpstreamResult<GasPrice>> GetGasAsync(EvmChain chain, CancellationToken cancellationToken)
    {
        var request = Request("gastracker/gasoracle", "/v2/api", ("chainid", ChainIds[chain]),
            ("module", "gastracker"), ("action", "gasoracle"), ("apikey", ApiKey));
        return Http.GetJsonAsync(request, root => Parse(root, chain, Time.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// <c>{"status":"1","message":"OK","result":{"LastBlock":"15816910","SafeGasPrice":"10","ProposeGasPrice":"11",
    /// "FastGasPrice":"55","suggestBaseFee":"9.849758735","gasUsedRatio":"0.77,0.24"}}</c>.
    /// </summary>
    internal static GasPrice Parse(JsonElement root, EvmChain chain, DateTimeOffset now)
    {
        var result = JsonValues.Property(root, "result");
        decimal slow = Gwei(result, "SafeGasPrice");
        decimal standard = Gwei(result, "ProposeGasPrice");
        decimal fast = Gwei(result, "FastGasPrice");
        if (slow > standard || standard > fast)
        {
            throw new InvalidUpstreamDataException($"gas tiers out of order: slow {slow}, standard {standard}, fast {fast}");
        }

        decimal? baseFee = JsonValues.OptionalProperty(result, "suggestBaseFee") is null ? null : Gwei(result, "suggestBaseFee");
        return new GasPrice(chain, slow, standard, fast, baseFee, now);
    }

    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (JsonValues.OptionalProperty(root, "status") is not { ValueKind: JsonValueKind.String } state
            || state.GetString() != "0")
        {
            return null;
        }

        string detail = JsonValues.OptionalProperty(root, "result")?.ToString() ?? "";
        return UpstreamFailure.ErrorPayload(
            $"Etherscan NOTOK: {(detail.Length <= 120 ? detail : detail[..120] + "...")}");
    }

    private static decimal Gwei(JsonElement result, string field)
    {
        decimal value = Math.Round(JsonValues.NumberOf(result, field), 4);
        return value is >= 0 and <= 1_000_000m
            ? value
            : throw new InvalidUpstreamDataException($"field '{field}' is not a plausible gas price: {value}");
    }
}
