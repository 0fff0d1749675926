using System.Text.Json;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.Bitfinex;

/// <summary>
/// Bitfinex public API v2 (keyless): <c>/v2/ticker/{symbol}</c> for quotes and <c>/v2/candles/trade:...:hist</c>
/// for candles. Bitfinex answers with bare arrays, calls USDT "UST", and has no 4 h candles (its widths include 3 h
/// and 6 h), so it does not serve that interval. Errors are arrays too: <c>["error", 10020, "symbol: invalid"]</c>.
/// </summary>
public sealed class BitfinexSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IQuoteSource, ICandleSource
{
    private const int MaxCandles = 10_000;
    private const int TickerFields = 10;

    private static readonly string[] Quotes = [QuoteCurrency.Usd, QuoteCurrency.Usdt, QuoteCurrency.Eur];

    public const string SourceName = "bitfinex";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://api-pub.bitfinex.com");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public bool Supports(AssetPair pair) => Quotes.Contains(pair.Quote);

    public bool Supports(AssetPair pair, CandleInterval interval) =>
        Supports(pair) && interval != CandleInterval.FourHours;

    public Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        var request = Request("ticker", $"/v2/ticker/{Symbol(pair)}");
        return Http.GetJsonAsync(request, root => ParseTicker(root, pair, Time.GetUtcNow()), cancellationToken);
    }

    public Task<UpstreamResult<IReadOnlyList<Candle>>> GetCandlesAsync(CandleQuery query,
        CancellationToken cancellationToken)
    {
        // From a start the oldest candles come first (sort=1); otherwise the newest, which is what a limit keeps.
        CandleSpan? span = query.Start is null && query.End is null
            ? null
            : CandleSpan.For(query, MaxCandles, Time.GetUtcNow());
        var request = Request("candles", $"/v2/candles/trade:{TimeFrame(query.Interval)}:{Symbol(query.Pair)}/hist",
            ("limit", Math.Min(query.Limit, MaxCandles)),
            ("start", span?.First.ToUnixTimeMilliseconds()),
            ("end", span?.Last.ToUnixTimeMilliseconds()),
            ("sort", query.Start is null ? -1 : 1));
        return Http.GetJsonAsync(request,
            root => MarketDataRules.Window(ParseCandles(root, Time.GetUtcNow()), query), cancellationToken);
    }

    /// <summary>Bitfinex trading symbols: tBTCUSD, tETHUST; with a colon when a code is longer: tDOGE:USD.</summary>
    internal static string Symbol(AssetPair pair)
    {
        string asset = Code(pair.Base);
        string quote = Code(pair.Quote);
        return asset.Length > 3 || quote.Length > 3 ? $"t{asset}:{quote}" : $"t{asset}{quote}";
    }

    /// <summary>
    /// <c>[BID, BID_SIZE, ASK, ASK_SIZE, DAILY_CHANGE, DAILY_CHANGE_RELATIVE, LAST_PRICE, VOLUME, HIGH, LOW]</c>:
    /// the relative change is a fraction, the volume is in the base asset, and there is no timestamp.
    /// </summary>
    internal static Quote ParseTicker(JsonElement root, AssetPair pair, DateTimeOffset now)
    {
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 0)
        {
            throw new NotListedException($"Bitfinex has no ticker for {Symbol(pair)}");
        }

        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() < TickerFields)
        {
            throw new InvalidUpstreamDataException($"ticker: expected an array of {TickerFields} numbers");
        }

        var quote = new Quote
        {
            Symbol = pair.Base,
            QuoteCurrency = pair.Quote,
            Price = JsonValues.Price(root[6], "LAST_PRICE"),
            Change24hPercent = JsonValues.Number(root[5], "DAILY_CHANGE_RELATIVE") * 100,
            Volume24h = JsonValues.Number(root[7], "VOLUME"),
            High24h = JsonValues.Number(root[8], "HIGH"),
            Low24h = JsonValues.Number(root[9], "LOW"),
            Timestamp = now,
        };
        return MarketDataRules.Check(quote, now);
    }

    /// <summary>Rows of [MTS, OPEN, CLOSE, HIGH, LOW, VOLUME], in the order the request's sort asked for.</summary>
    internal static IReadOnlyList<Candle> ParseCandles(JsonElement root, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"candles: expected an array, got {root.ValueKind}");
        }

        var candles = root.EnumerateArray().Select(row => new Candle(
            JsonValues.UnixMilliseconds(JsonValues.Index(row, 0, "candle"), "MTS"),
            JsonValues.Number(row[1], "OPEN"),
            JsonValues.Number(JsonValues.Index(row, 3, "candle"), "HIGH"),
            JsonValues.Number(JsonValues.Index(row, 4, "candle"), "LOW"),
            JsonValues.Number(row[2], "CLOSE"),
            JsonValues.Number(JsonValues.Index(row, 5, "candle"), "VOLUME")));
        return MarketDataRules.Check(candles, now);
    }

    /// <summary>
    /// <c>["error", 10020, "symbol: invalid"]</c> (an unknown symbol, sent with 500); 10020 is the code of every
    /// invalid parameter, so only the "symbol" message means not listed. Rate limits come as
    /// <c>{"error":"ERR_RATE_LIMIT"}</c>.
    /// </summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (root.ValueKind == JsonValueKind.Object && JsonValues.OptionalProperty(root, "error") is { } error)
        {
            return UpstreamFailure.ErrorPayload($"Bitfinex error: {error}");
        }

        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0
            || root[0].ValueKind != JsonValueKind.String || root[0].GetString() != "error")
        {
            return null;
        }

        string code = root.GetArrayLength() > 1 ? root[1].ToString() : "";
        string message = root.GetArrayLength() > 2 ? root[2].ToString() : "";
        string text = $"Bitfinex error {code}: {message}";
        return message.StartsWith("symbol", StringComparison.OrdinalIgnoreCase)
            ? UpstreamFailure.NotListed(text)
            : UpstreamFailure.ErrorPayload(text);
    }

    private static string Code(string currency) => currency == QuoteCurrency.Usdt ? "UST" : currency;

    private static string TimeFrame(CandleInterval interval) => interval switch
    {
        CandleInterval.OneMinute => "1m",
        CandleInterval.FiveMinutes => "5m",
        CandleInterval.FifteenMinutes => "15m",
        CandleInterval.OneHour => "1h",
        CandleInterval.FourHours => throw new ArgumentOutOfRangeException(nameof(interval), interval,
            "Bitfinex has no 4h candles"),
        _ => "1D",
    };
}
