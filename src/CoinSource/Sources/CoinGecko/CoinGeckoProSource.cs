using CoinSource.SafeHttp;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.CoinGecko;

/// <summary>
/// CoinGecko's paid Pro API: the same formats as the keyless API at its own address, with the key in a header.
/// It takes traffic only when the coingecko-pro feature has its key.
/// </summary>
public sealed class CoinGeckoProSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : CoinGeckoSource(http, time, options)
{
    public const string ProSourceName = "coingecko-pro";

    public override string Name => ProSourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://pro-api.coingecko.com/api/v3");

    protected override KeyValuePair<string, string>? KeyHeader(string apiKey) => new("x-cg-pro-api-key", apiKey);
}
