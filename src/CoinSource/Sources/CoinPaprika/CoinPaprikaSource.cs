using System.Text.Json;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.CoinPaprika;

/// <summary>
/// CoinPaprika's free API (keyless): <c>/tickers/{id}</c> for quotes and <c>/tickers</c> for the market-cap ranking.
/// CoinPaprika names coins by id (btc-bitcoin), so only assets with a known id can be asked. Its prices are
/// aggregates over many markets, published in USD, BTC, EUR and other fiat currencies but not in stablecoins.
/// </summary>
public sealed class CoinPaprikaSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IQuoteSource, ITopCoinsSource
{
    private static readonly string[] Quotes = [QuoteCurrency.Usd, QuoteCurrency.Eur, QuoteCurrency.Btc];

    public const string SourceName = "coinpaprika";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://api.coinpaprika.com/v1");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public bool Supports(AssetPair pair) =>
        Quotes.Contains(pair.Quote) && AssetCatalog.BySymbolOnly(pair.Base)?.CoinPaprikaId is not null;

    public bool SupportsQuote(string quoteCurrency) => Quotes.Contains(quoteCurrency);

    public Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        string id = AssetCatalog.BySymbolOnly(pair.Base)?.CoinPaprikaId
                    ?? throw new InvalidOperationException($"no CoinPaprika id for {pair.Base}");
        var request = Request("tickers/{id}", $"/tickers/{id}", ("quotes", pair.Quote));
        return Http.GetJsonAsync(request, root => ParseTicker(root, pair, Time.GetUtcNow()), cancellationToken);
    }

    public Task<UpstreamResult<IReadOnlyList<TopCoin>>> GetTopCoinsAsync(int limit, string quoteCurrency,
        CancellationToken cancellationToken)
    {
        // The free tier has no page size: the answer lists every active coin, and the ranking is cut here.
        var request = Request("tickers", "/tickers", ("quotes", quoteCurrency));
        return Http.GetJsonAsync(request, root => ParseTickers(root, quoteCurrency, limit), cancellationToken);
    }

    /// <summary>
    /// <c>{"id":"btc-bitcoin","symbol":"BTC","rank":1,"last_updated":"2022-04-19T15:43:22Z",
    /// "quotes":{"USD":{"price":41389.57,"volume_24h":35357658696.99,"percent_change_24h":5.25}}}</c>. The volume
    /// is in the quote currency, not the base asset, so the quote leaves it out.
    /// </summary>
    internal static Quote ParseTicker(JsonElement root, AssetPair pair, DateTimeOffset now)
    {
        var prices = QuoteOf(root, pair.Quote);
        var quote = new Quote
        {
            Symbol = pair.Base,
            QuoteCurrency = pair.Quote,
            Price = JsonValues.PriceOf(prices, "price"),
            Change24hPercent = JsonValues.OptionalNumber(prices, "percent_change_24h"),
            Timestamp = JsonValues.IsoTime(root, "last_updated"),
        };
        return MarketDataRules.Check(quote, now);
    }

    /// <summary>An array of tickers; rank 0 marks a coin without a market-cap rank.</summary>
    internal static IReadOnlyList<TopCoin> ParseTickers(JsonElement root, string quoteCurrency, int limit)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"tickers: expected an array, got {root.ValueKind}");
        }

        var coins = root.EnumerateArray()
            .Select(coin => (Rank: JsonValues.WholeNumber(JsonValues.Property(coin, "rank"), "rank"), Coin: coin))
            .Where(c => c.Rank > 0)
            .OrderBy(c => c.Rank)
            .Take(limit)
            .Select(c => ParseCoin(c.Coin, (int)c.Rank, quoteCurrency))
            .ToList();
        return coins.Count > 0 ? coins : throw new InvalidUpstreamDataException("tickers: empty ranking");
    }

    /// <summary>CoinPaprika errors are <c>{"error": "id not found"}</c>; an unknown id comes with 404.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error)
            || error.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string text = $"CoinPaprika error: {error.GetString()}";
        return status == 404 ? UpstreamFailure.NotListed(text) : UpstreamFailure.ErrorPayload(text);
    }

    private static TopCoin ParseCoin(JsonElement coin, int rank, string quoteCurrency)
    {
        var prices = QuoteOf(coin, quoteCurrency);
        return new TopCoin
        {
            Rank = rank,
            Symbol = JsonValues.Text(coin, "symbol").ToUpperInvariant(),
            Name = JsonValues.Text(coin, "name"),
            QuoteCurrency = quoteCurrency,
            Price = JsonValues.PriceOf(prices, "price"),
            MarketCap = JsonValues.OptionalNumber(prices, "market_cap"),
            Volume24h = JsonValues.OptionalNumber(prices, "volume_24h"),
            Change24hPercent = JsonValues.OptionalNumber(prices, "percent_change_24h"),
        };
    }

    private static JsonElement QuoteOf(JsonElement coin, string quoteCurrency) =>
        JsonValues.OptionalProperty(JsonValues.Property(coin, "quotes"), quoteCurrency)
        ?? throw new InvalidUpstreamDataException($"field 'quotes.{quoteCurrency}' is missing");
}
