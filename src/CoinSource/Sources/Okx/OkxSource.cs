using System.Text.Json;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.Okx;

/// <summary>
/// OKX spot market data (keyless): <c>/api/v5/market/ticker</c> for quotes and <c>/api/v5/market/candles</c> for
/// candles. Answers are wrapped as <c>{"code":"0","msg":"","data":[...]}</c>. Only stablecoin quotes are served:
/// OKX's fiat USD and EUR books are regional and not reliably open to every caller.
/// </summary>
public sealed class OkxSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IQuoteSource, ICandleSource
{
    private const string Success = "0";
    private const string UnknownInstrument = "51001";
    private const int MaxCandles = 300;

    private static readonly string[] Quotes = [QuoteCurrency.Usdt, QuoteCurrency.Usdc];

    public const string SourceName = "okx";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://www.okx.com");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public bool Supports(AssetPair pair) => Quotes.Contains(pair.Quote);

    public bool Supports(AssetPair pair, CandleInterval interval) => Supports(pair);

    public Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        var request = Request("market/ticker", "/api/v5/market/ticker", ("instId", InstrumentId(pair)));
        return Http.GetJsonAsync(request, root => ParseTicker(root, pair, Time.GetUtcNow()), cancellationToken);
    }

    public Task<UpstreamResult<IReadOnlyList<Candle>>> GetCandlesAsync(CandleQuery query,
        CancellationToken cancellationToken)
    {
        // "after" returns candles older than it and "before" newer than it, both exclusive, in milliseconds.
        CandleSpan? span = query.Start is null && query.End is null
            ? null
            : CandleSpan.For(query, MaxCandles, Time.GetUtcNow());
        var request = Request("market/candles", "/api/v5/market/candles",
            ("instId", InstrumentId(query.Pair)),
            ("bar", Bar(query.Interval)),
            ("limit", Math.Min(query.Limit, MaxCandles)),
            ("after", span?.Last.ToUnixTimeMilliseconds() + 1),
            ("before", span?.First.ToUnixTimeMilliseconds() - 1));
        return Http.GetJsonAsync(request,
            root => MarketDataRules.Window(ParseCandles(root, Time.GetUtcNow()), query), cancellationToken);
    }

    internal static string InstrumentId(AssetPair pair) => $"{pair.Base}-{pair.Quote}";

    /// <summary>
    /// <c>{"code":"0","data":[{"instId":"BTC-USDT","last":"67000.1","open24h":"66000","high24h":"67500",
    /// "low24h":"65800","vol24h":"1234.5","ts":"1700000000000"}]}</c>; vol24h is in the base asset for spot.
    /// </summary>
    internal static Quote ParseTicker(JsonElement root, AssetPair pair, DateTimeOffset now)
    {
        var data = JsonValues.Property(root, "data");
        if (data.ValueKind == JsonValueKind.Array && data.GetArrayLength() == 0)
        {
            throw new NotListedException($"OKX has no ticker for {InstrumentId(pair)}");
        }

        var ticker = JsonValues.Index(data, 0, "data");
        decimal price = JsonValues.PriceOf(ticker, "last");
        decimal? open = JsonValues.OptionalNumber(ticker, "open24h");
        var quote = new Quote
        {
            Symbol = pair.Base,
            QuoteCurrency = pair.Quote,
            Price = price,
            Change24hPercent = open > 0 ? Math.Round((price - open.Value) / open.Value * 100, 4) : null,
            High24h = JsonValues.OptionalNumber(ticker, "high24h"),
            Low24h = JsonValues.OptionalNumber(ticker, "low24h"),
            Volume24h = JsonValues.OptionalNumber(ticker, "vol24h"),
            Timestamp = JsonValues.UnixMilliseconds(JsonValues.Property(ticker, "ts"), "ts"),
        };
        return MarketDataRules.Check(quote, now);
    }

    /// <summary>Rows of strings [ts (ms), open, high, low, close, vol, ..., confirm], newest first.</summary>
    internal static IReadOnlyList<Candle> ParseCandles(JsonElement root, DateTimeOffset now)
    {
        var data = JsonValues.Property(root, "data");
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"candles: expected an array in 'data', got {data.ValueKind}");
        }

        var candles = data.EnumerateArray().Select(row => new Candle(
            JsonValues.UnixMilliseconds(JsonValues.Index(row, 0, "candle"), "ts"),
            JsonValues.Number(row[1], "open"),
            JsonValues.Number(row[2], "high"),
            JsonValues.Number(row[3], "low"),
            JsonValues.Number(JsonValues.Index(row, 4, "candle"), "close"),
            JsonValues.Number(JsonValues.Index(row, 5, "candle"), "vol")));
        return MarketDataRules.Check(candles, now);
    }

    /// <summary><c>{"code":"51001","msg":"Instrument ID does not exist","data":[]}</c>, with 200 or a 4xx.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code)
            || code.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || code.ToString() == Success)
        {
            return null;
        }

        string message = JsonValues.OptionalProperty(root, "msg")?.ToString() ?? "";
        string text = $"OKX error {code}: {message}";
        return code.ToString() == UnknownInstrument
            ? UpstreamFailure.NotListed(text)
            : UpstreamFailure.ErrorPayload(text);
    }

    /// <summary>OKX bars; days are asked in UTC ("1Dutc") as OKX's "1D" opens at midnight Hong Kong time.</summary>
    private static string Bar(CandleInterval interval) => interval switch
    {
        CandleInterval.OneMinute => "1m",
        CandleInterval.FiveMinutes => "5m",
        CandleInterval.FifteenMinutes => "15m",
        CandleInterval.OneHour => "1H",
        CandleInterval.FourHours => "4H",
        _ => "1Dutc",
    };
}
