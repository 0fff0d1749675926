using System.Globalization;
using System.Text.Json;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.Coinbase;

/// <summary>
/// Coinbase Exchange market data (keyless): <c>/products/{id}/ticker</c> for quotes and
/// <c>/products/{id}/candles</c> for candles. Coinbase has no 4 h candles (its widths are 1 m, 5 m, 15 m, 1 h, 6 h
/// and 1 d), so it does not serve that interval rather than build it from others.
/// </summary>
public sealed class CoinbaseSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IQuoteSource, ICandleSource
{
    private const int MaxCandles = 300;

    private static readonly string[] Quotes = [QuoteCurrency.Usd, QuoteCurrency.Usdt, QuoteCurrency.Usdc,
        QuoteCurrency.Eur, QuoteCurrency.Btc];

    public const string SourceName = "coinbase";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://api.exchange.coinbase.com");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public bool Supports(AssetPair pair) => Quotes.Contains(pair.Quote);

    public bool Supports(AssetPair pair, CandleInterval interval) =>
        Supports(pair) && interval != CandleInterval.FourHours;

    public Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        var request = Request("products/ticker", $"/products/{ProductId(pair)}/ticker");
        return Http.GetJsonAsync(request, root => ParseTicker(root, pair, Time.GetUtcNow()), cancellationToken);
    }

    public Task<UpstreamResult<IReadOnlyList<Candle>>> GetCandlesAsync(CandleQuery query,
        CancellationToken cancellationToken)
    {
        // Without a range Coinbase answers its latest 300 candles; with one, it rejects more than 300.
        DateTimeOffset now = Time.GetUtcNow();
        CandleSpan? span = query.Start is null && query.End is null ? null : CandleSpan.For(query, MaxCandles, now);
        var request = Request("products/candles", $"/products/{ProductId(query.Pair)}/candles",
            ("granularity", (int)query.Interval.Duration().TotalSeconds),
            ("start", span is { } s ? Iso(s.First) : null),
            ("end", span is { } e ? Iso(e.Last) : null));
        return Http.GetJsonAsync(request,
            root => MarketDataRules.Window(ParseCandles(root, Time.GetUtcNow()), query), cancellationToken);
    }

    internal static string ProductId(AssetPair pair) => $"{pair.Base}-{pair.Quote}";

    /// <summary>
    /// <c>{"ask":"73369.19","bid":"73360.34","volume":"1207.5","trade_id":18502105,"price":"73367.8",
    /// "size":"0.0073","time":"2024-03-13T11:10:41.270099Z"}</c>; the volume is in the base asset.
    /// </summary>
    internal static Quote ParseTicker(JsonElement root, AssetPair pair, DateTimeOffset now)
    {
        var quote = new Quote
        {
            Symbol = pair.Base,
            QuoteCurrency = pair.Quote,
            Price = JsonValues.PriceOf(root, "price"),
            Volume24h = JsonValues.OptionalNumber(root, "volume"),
            Timestamp = JsonValues.IsoTime(root, "time"),
        };
        return MarketDataRules.Check(quote, now);
    }

    /// <summary>Rows of [time (s), low, high, open, close, volume], newest first.</summary>
    internal static IReadOnlyList<Candle> ParseCandles(JsonElement root, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"candles: expected an array, got {root.ValueKind}");
        }

        var candles = root.EnumerateArray().Select(row => new Candle(
            JsonValues.UnixSeconds(JsonValues.Index(row, 0, "candle"), "time"),
            JsonValues.Number(JsonValues.Index(row, 3, "candle"), "open"),
            JsonValues.Number(row[2], "high"),
            JsonValues.Number(row[1], "low"),
            JsonValues.Number(JsonValues.Index(row, 4, "candle"), "close"),
            JsonValues.Number(JsonValues.Index(row, 5, "candle"), "volume")));
        return MarketDataRules.Check(candles, now);
    }

    /// <summary>Coinbase errors are <c>{"message": "..."}</c>; an unknown product is "NotFound" with 404.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("message", out var message)
            || message.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        // Only the product lookup says "NotFound"; another 404 ("Route not found") means a wrong address.
        string text = $"Coinbase error: {message.GetString()}";
        return status == 404 && message.GetString() == "NotFound"
            ? UpstreamFailure.NotListed(text)
            : UpstreamFailure.ErrorPayload(text);
    }

    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
