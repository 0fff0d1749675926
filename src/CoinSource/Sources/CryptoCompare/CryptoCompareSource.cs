using System.Text.Json;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.CryptoCompare;

/// <summary>
/// CryptoCompare's min-api without a key (a low rate): <c>/data/pricemultifull</c> for quotes,
/// <c>/data/v2/histominute|histohour|histoday</c> for candles and <c>/data/top/mktcapfull</c> for the ranking.
/// Quotes and candles ask for direct markets only (<c>tryConversion=false</c>), so a USD price is never a USDT price
/// converted behind the caller's back. Errors come as <c>{"Response":"Error","Message":...}</c>, usually with 200.
/// </summary>
public sealed class CryptoCompareSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IQuoteSource, ICandleSource, ITopCoinsSource
{
    private const int MaxHistory = 2000;
    private const int MinTopLimit = 10;
    private const int MaxTopLimit = 100;

    private static readonly string[] Quotes = [QuoteCurrency.Usd, QuoteCurrency.Usdt, QuoteCurrency.Usdc,
        QuoteCurrency.Eur, QuoteCurrency.Btc];

    private static readonly string[] RankingQuotes = [QuoteCurrency.Usd, QuoteCurrency.Eur, QuoteCurrency.Btc];

    private static readonly string[] NotListedMessages =
        ["market does not exist", "There is no data for the symbol", "There is no data for any of the toSymbols"];

    public const string SourceName = "cryptocompare";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://min-api.cryptocompare.com");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    protected override KeyValuePair<string, string>? KeyHeader(string apiKey) => new("authorization", $"Apikey {apiKey}");

    public bool Supports(AssetPair pair) => Quotes.Contains(pair.Quote);

    public bool Supports(AssetPair pair, CandleInterval interval) => Supports(pair);

    public bool SupportsQuote(string quoteCurrency) => RankingQuotes.Contains(quoteCurrency);

    public Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        var request = Request("pricemultifull", "/data/pricemultifull",
            ("fsyms", pair.Base),
            ("tsyms", pair.Quote),
            ("tryConversion", "false"));
        return Http.GetJsonAsync(request, root => ParsePriceMultiFull(root, pair, Time.GetUtcNow()),
            cancellationToken);
    }

    public Task<UpstreamResult<IReadOnlyList<Candle>>> GetCandlesAsync(CandleQuery query,
        CancellationToken cancellationToken)
    {
        var (endpoint, aggregate) = History(query.Interval);

        // limit counts aggregated candles, limit * aggregate stays within 2000; limit + 1 come back, up to toTs.
        int page = MaxHistory / aggregate;
        long? toTs = query.Start is null && query.End is null
            ? null
            : CandleSpan.For(query, page, Time.GetUtcNow()).Last.ToUnixTimeSeconds();
        var request = Request(endpoint, $"/data/v2/{endpoint}",
            ("fsym", query.Pair.Base),
            ("tsym", query.Pair.Quote),
            ("limit", Math.Min(query.Limit, page)),
            ("aggregate", aggregate),
            ("toTs", toTs),
            ("tryConversion", "false"));
        return Http.GetJsonAsync(request,
            root => MarketDataRules.Window(ParseHistory(root, Time.GetUtcNow()), query), cancellationToken);
    }

    public Task<UpstreamResult<IReadOnlyList<TopCoin>>> GetTopCoinsAsync(int limit, string quoteCurrency,
        CancellationToken cancellationToken)
    {
        var request = Request("top/mktcapfull", "/data/top/mktcapfull",
            ("limit", Math.Clamp(limit, MinTopLimit, MaxTopLimit)),
            ("tsym", quoteCurrency));
        return Http.GetJsonAsync(request, root => ParseTopList(root, quoteCurrency, limit), cancellationToken);
    }

    /// <summary>
    /// <c>{"RAW":{"BTC":{"USD":{"PRICE":67000.1,"LASTUPDATE":1700000000,"VOLUME24HOUR":1234.5,"HIGH24HOUR":...,
    /// "LOW24HOUR":...,"CHANGEPCT24HOUR":1.2}}},"DISPLAY":{...}}</c>; VOLUME24HOUR is in the base asset.
    /// </summary>
    internal static Quote ParsePriceMultiFull(JsonElement root, AssetPair pair, DateTimeOffset now)
    {
        var raw = PairEntry(JsonValues.Property(root, "RAW"), pair.Base, pair.Quote);
        var quote = new Quote
        {
            Symbol = pair.Base,
            QuoteCurrency = pair.Quote,
            Price = JsonValues.PriceOf(raw, "PRICE"),
            Change24hPercent = JsonValues.OptionalNumber(raw, "CHANGEPCT24HOUR"),
            High24h = JsonValues.OptionalNumber(raw, "HIGH24HOUR"),
            Low24h = JsonValues.OptionalNumber(raw, "LOW24HOUR"),
            Volume24h = JsonValues.OptionalNumber(raw, "VOLUME24HOUR"),
            Timestamp = JsonValues.OptionalProperty(raw, "LASTUPDATE") is { } updated
                ? JsonValues.UnixSeconds(updated, "LASTUPDATE")
                : now,
        };
        return MarketDataRules.Check(quote, now);
    }

    /// <summary>
    /// The value for one pair in CryptoCompare's nesting by base then quote, shared by pricemulti
    /// (<c>{"BTC":{"USD":67000.1}}</c>) and the RAW part of pricemultifull. A missing pair is not listed.
    /// </summary>
    internal static JsonElement PairEntry(JsonElement byBase, string fsym, string tsym)
    {
        if (byBase.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidUpstreamDataException($"expected an object keyed by symbol, got {byBase.ValueKind}");
        }

        return JsonValues.OptionalProperty(byBase, fsym) is { } byQuote
               && JsonValues.OptionalProperty(byQuote, tsym) is { } entry
            ? entry
            : throw new NotListedException($"CryptoCompare has no direct market for {fsym}-{tsym}");
    }

    /// <summary>
    /// <c>{"Response":"Success","Data":{"Data":[{"time":1700000000,"open":...,"high":...,"low":...,"close":...,
    /// "volumefrom":...,"volumeto":...}]}}</c>, oldest first. Before a pair's first trade CryptoCompare pads the
    /// series with rows of zeros; those are not candles and are dropped.
    /// </summary>
    internal static IReadOnlyList<Candle> ParseHistory(JsonElement root, DateTimeOffset now)
    {
        var rows = JsonValues.Property(JsonValues.Property(root, "Data"), "Data");
        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"Data.Data: expected an array, got {rows.ValueKind}");
        }

        var candles = rows.EnumerateArray()
            .Select(row => new Candle(
                JsonValues.UnixSeconds(JsonValues.Property(row, "time"), "time"),
                JsonValues.NumberOf(row, "open"),
                JsonValues.NumberOf(row, "high"),
                JsonValues.NumberOf(row, "low"),
                JsonValues.NumberOf(row, "close"),
                JsonValues.NumberOf(row, "volumefrom")))
            .Where(c => c is not { Open: 0, High: 0, Low: 0, Close: 0, Volume: 0 });
        return MarketDataRules.Check(candles, now);
    }

    /// <summary>
    /// <c>{"Data":[{"CoinInfo":{"Name":"BTC","FullName":"Bitcoin"},"RAW":{"USD":{"PRICE":...,"MKTCAP":...,
    /// "TOTALVOLUME24HTO":...,"CHANGEPCT24HOUR":...}}}]}</c> in market-cap order; a coin without prices keeps its
    /// place in the ranking but is left out.
    /// </summary>
    internal static IReadOnlyList<TopCoin> ParseTopList(JsonElement root, string quoteCurrency, int limit)
    {
        var data = JsonValues.Property(root, "Data");
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"Data: expected an array, got {data.ValueKind}");
        }

        var coins = data.EnumerateArray()
            .Select((item, index) => (Item: item, Rank: index + 1))
            .Where(c => JsonValues.OptionalProperty(c.Item, "RAW") is { } raw
                        && JsonValues.OptionalProperty(raw, quoteCurrency) is not null)
            .Take(limit)
            .Select(c => ParseTopCoin(c.Item, c.Rank, quoteCurrency))
            .ToList();
        return coins.Count > 0 ? coins : throw new InvalidUpstreamDataException("top/mktcapfull: empty ranking");
    }

    /// <summary>
    /// min-api errors: <c>{"Response":"Error","Message":"...","Type":2}</c>; the newer data-api wraps them as
    /// <c>{"Data":[],"Err":{"type":1,"message":"..."}}</c>. An unknown pair is not listed; the rest, rate limits
    /// included, are error payloads.
    /// </summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? message = null;
        if (root.TryGetProperty("Response", out var response) && response.ValueKind == JsonValueKind.String
            && response.GetString() == "Error")
        {
            message = JsonValues.OptionalProperty(root, "Message")?.ToString() ?? "no message";
        }
        else if (JsonValues.OptionalProperty(root, "Err") is { ValueKind: JsonValueKind.Object } err
                 && err.EnumerateObject().Any())
        {
            message = JsonValues.OptionalProperty(err, "message")?.ToString() ?? err.GetRawText();
        }

        if (message is null)
        {
            return null;
        }

        string text = $"CryptoCompare error: {message}";
        return NotListedMessages.Any(m => message.Contains(m, StringComparison.OrdinalIgnoreCase))
            ? UpstreamFailure.NotListed(text)
            : UpstreamFailure.ErrorPayload(text);
    }

    private static TopCoin ParseTopCoin(JsonElement item, int rank, string quoteCurrency)
    {
        var info = JsonValues.Property(item, "CoinInfo");
        var raw = JsonValues.Property(JsonValues.Property(item, "RAW"), quoteCurrency);
        return new TopCoin
        {
            Rank = rank,
            Symbol = JsonValues.Text(info, "Name").ToUpperInvariant(),
            Name = JsonValues.Text(info, "FullName"),
            QuoteCurrency = quoteCurrency,
            Price = JsonValues.PriceOf(raw, "PRICE"),
            MarketCap = JsonValues.OptionalNumber(raw, "MKTCAP"),
            Volume24h = JsonValues.OptionalNumber(raw, "TOTALVOLUME24HTO"),
            Change24hPercent = JsonValues.OptionalNumber(raw, "CHANGEPCT24HOUR"),
        };
    }

    /// <summary>The history endpoint, and how many of its native candles make one candle of the interval.</summary>
    private static (string Endpoint, int Aggregate) History(CandleInterval interval) => interval switch
    {
        CandleInterval.OneMinute => ("histominute", 1),
        CandleInterval.FiveMinutes => ("histominute", 5),
        CandleInterval.FifteenMinutes => ("histominute", 15),
        CandleInterval.OneHour => ("histohour", 1),
        CandleInterval.FourHours => ("histohour", 4),
        _ => ("histoday", 1),
    };
}
