using System.Text.Json;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.CoinGecko;

/// <summary>
/// CoinGecko's public API (keyless tier): <c>/simple/price</c> for quotes and <c>/coins/markets</c> for the
/// market-cap ranking. CoinGecko names coins by id, so only assets with a known id can be asked.
/// </summary>
public class CoinGeckoSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IQuoteSource, ITopCoinsSource
{
    private const int MaxPerPage = 250;

    private static readonly string[] Quotes = [QuoteCurrency.Usd, QuoteCurrency.Eur, QuoteCurrency.Btc];

    public const string SourceName = "coingecko";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://api.coingecko.com/api/v3");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    /// <summary>A Demo key raises the keyless API's rate limit.</summary>
    protected override KeyValuePair<string, string>? KeyHeader(string apiKey) => new("x-cg-demo-api-key", apiKey);

    public bool Supports(AssetPair pair) =>
        Quotes.Contains(pair.Quote) && AssetCatalog.BySymbolOnly(pair.Base)?.CoinGeckoId is not null;

    public bool SupportsQuote(string quoteCurrency) => Quotes.Contains(quoteCurrency);

    public Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        string id = AssetCatalog.BySymbolOnly(pair.Base)?.CoinGeckoId
                    ?? throw new InvalidOperationException($"no CoinGecko id for {pair.Base}");
        var request = Request("simple/price", "/simple/price",
            ("ids", id),
            ("vs_currencies", pair.Quote.ToLowerInvariant()),
            ("include_24hr_change", "true"),
            ("include_24hr_vol", "true"),
            ("include_last_updated_at", "true"));
        return Http.GetJsonAsync(request, root => ParseSimplePrice(root, id, pair, Time.GetUtcNow()),
            cancellationToken);
    }

    public Task<UpstreamResult<IReadOnlyList<TopCoin>>> GetTopCoinsAsync(int limit, string quoteCurrency,
        CancellationToken cancellationToken)
    {
        var request = Request("coins/markets", "/coins/markets",
            ("vs_currency", quoteCurrency.ToLowerInvariant()),
            ("order", "market_cap_desc"),
            ("per_page", Math.Min(limit, MaxPerPage)),
            ("page", 1),
            ("sparkline", "false"));
        return Http.GetJsonAsync(request, root => ParseMarkets(root, quoteCurrency, limit), cancellationToken);
    }

    /// <summary><c>{"bitcoin": {"usd": 67187.3, "usd_24h_change": 3.6, "last_updated_at": 1711356300}}</c>.</summary>
    internal static Quote ParseSimplePrice(JsonElement root, string id, AssetPair pair, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidUpstreamDataException($"simple/price: expected an object, got {root.ValueKind}");
        }

        // CoinGecko answers an unknown id with an empty object.
        if (!root.TryGetProperty(id, out var coin) || coin.ValueKind != JsonValueKind.Object
            || !coin.EnumerateObject().Any())
        {
            throw new NotListedException($"CoinGecko does not list '{id}'");
        }

        string currency = pair.Quote.ToLowerInvariant();
        var quote = new Quote
        {
            Symbol = pair.Base,
            QuoteCurrency = pair.Quote,
            Price = JsonValues.PriceOf(coin, currency),
            Change24hPercent = JsonValues.OptionalNumber(coin, $"{currency}_24h_change"),
            Timestamp = JsonValues.OptionalProperty(coin, "last_updated_at") is { } updated
                ? JsonValues.UnixSeconds(updated, "last_updated_at")
                : now,
        };
        return MarketDataRules.Check(quote, now);
    }

    internal static IReadOnlyList<TopCoin> ParseMarkets(JsonElement root, string quoteCurrency, int limit)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"coins/markets: expected an array, got {root.ValueKind}");
        }

        // An unranked coin (null market_cap_rank) is left out: numbering it by position gives it another's rank.
        var coins = root.EnumerateArray()
            .Where(coin => JsonValues.OptionalProperty(coin, "current_price") is not null
                           && JsonValues.OptionalProperty(coin, "market_cap_rank") is not null)
            .Select(coin => new TopCoin
            {
                Rank = (int)JsonValues.WholeNumber(JsonValues.Property(coin, "market_cap_rank"), "market_cap_rank"),
                Symbol = JsonValues.Text(coin, "symbol").ToUpperInvariant(),
                Name = JsonValues.Text(coin, "name"),
                QuoteCurrency = quoteCurrency,
                Price = JsonValues.PriceOf(coin, "current_price"),
                MarketCap = JsonValues.OptionalNumber(coin, "market_cap"),
                Volume24h = JsonValues.OptionalNumber(coin, "total_volume"),
                Change24hPercent = JsonValues.OptionalNumber(coin, "price_change_percentage_24h"),
            })
            .Take(limit)
            .ToList();
        return coins.Count > 0 ? coins : throw new InvalidUpstreamDataException("coins/markets: empty ranking");
    }

    /// <summary>
    /// CoinGecko errors: <c>{"status": {"error_code": 429, "error_message": "..."}}</c> or <c>{"error": "..."}</c>,
    /// the latter with 404 for an unknown coin.
    /// </summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("status", out var envelope) && envelope.ValueKind == JsonValueKind.Object
            && envelope.TryGetProperty("error_code", out var code))
        {
            string message = envelope.TryGetProperty("error_message", out var m) ? m.ToString() : "";
            return UpstreamFailure.ErrorPayload($"CoinGecko error {code.GetRawText()}: {message}");
        }

        if (!root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return status == 404
            ? UpstreamFailure.NotListed($"CoinGecko: {error}")
            : UpstreamFailure.ErrorPayload($"CoinGecko error: {error}");
    }
}
