using System.Text.Json;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.KuCoin;

/// <summary>
/// KuCoin spot market data (keyless): <c>/api/v1/market/stats</c> for quotes and <c>/api/v1/market/candles</c> for
/// candles. Every answer is wrapped as <c>{"code":"200000","data":...}</c>; any other code is an error. KuCoin has
/// no fiat USD pairs, only stablecoins.
/// </summary>
public sealed class KuCoinSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IQuoteSource, ICandleSource
{
    private const string Success = "200000";
    private const int MaxCandles = 1500;

    private static readonly string[] Quotes = [QuoteCurrency.Usdt, QuoteCurrency.Usdc, QuoteCurrency.Btc];

    // 400100 is KuCoin's generic bad-parameter code; only its "pair is not provided" message means not listed.
    private static readonly string[] NotListedCodes = ["400100", "900001"];

    public const string SourceName = "kucoin";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://api.kucoin.com");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public bool Supports(AssetPair pair) => Quotes.Contains(pair.Quote);

    public bool Supports(AssetPair pair, CandleInterval interval) => Supports(pair);

    public Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        var request = Request("market/stats", "/api/v1/market/stats", ("symbol", Symbol(pair)));
        return Http.GetJsonAsync(request, root => ParseStats(root, pair, Time.GetUtcNow()), cancellationToken);
    }

    public Task<UpstreamResult<IReadOnlyList<Candle>>> GetCandlesAsync(CandleQuery query,
        CancellationToken cancellationToken)
    {
        // KuCoin has no limit parameter: the range alone decides how many candles come back.
        var span = CandleSpan.For(query, MaxCandles, Time.GetUtcNow());
        var request = Request("market/candles", "/api/v1/market/candles",
            ("type", CandleType(query.Interval)),
            ("symbol", Symbol(query.Pair)),
            ("startAt", span.First.ToUnixTimeSeconds()),
            ("endAt", span.Last.ToUnixTimeSeconds() + 1));
        return Http.GetJsonAsync(request,
            root => MarketDataRules.Window(ParseCandles(root, Time.GetUtcNow()), query), cancellationToken);
    }

    internal static string Symbol(AssetPair pair) => $"{pair.Base}-{pair.Quote}";

    /// <summary>
    /// <c>{"code":"200000","data":{"time":1709897710012,"symbol":"BTC-USDT","changeRate":"0.0089","high":"67978.8",
    /// "low":"66541.4","vol":"6442.17","last":"67400"}}</c>. changeRate is a fraction; vol is in the base asset.
    /// KuCoin answers an unknown symbol with the same shape and null values.
    /// </summary>
    internal static Quote ParseStats(JsonElement root, AssetPair pair, DateTimeOffset now)
    {
        var data = JsonValues.OptionalProperty(root, "data");
        if (data is null || (data.Value.TryGetProperty("last", out var last) && last.ValueKind == JsonValueKind.Null))
        {
            throw new NotListedException($"KuCoin has no trades for {Symbol(pair)}");
        }

        var stats = data.Value;
        var quote = new Quote
        {
            Symbol = pair.Base,
            QuoteCurrency = pair.Quote,
            Price = JsonValues.PriceOf(stats, "last"),
            Change24hPercent = JsonValues.OptionalNumber(stats, "changeRate") * 100,
            High24h = JsonValues.OptionalNumber(stats, "high"),
            Low24h = JsonValues.OptionalNumber(stats, "low"),
            Volume24h = JsonValues.OptionalNumber(stats, "vol"),
            Timestamp = JsonValues.UnixMilliseconds(JsonValues.Property(stats, "time"), "time"),
        };
        return MarketDataRules.Check(quote, now);
    }

    /// <summary>Rows of strings [time (s), open, close, high, low, volume, turnover], newest first.</summary>
    internal static IReadOnlyList<Candle> ParseCandles(JsonElement root, DateTimeOffset now)
    {
        var data = JsonValues.Property(root, "data");
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"candles: expected an array in 'data', got {data.ValueKind}");
        }

        var candles = data.EnumerateArray().Select(row => new Candle(
            JsonValues.UnixSeconds(JsonValues.Index(row, 0, "candle"), "time"),
            JsonValues.Number(row[1], "open"),
            JsonValues.Number(JsonValues.Index(row, 3, "candle"), "high"),
            JsonValues.Number(JsonValues.Index(row, 4, "candle"), "low"),
            JsonValues.Number(row[2], "close"),
            JsonValues.Number(JsonValues.Index(row, 5, "candle"), "volume")));
        return MarketDataRules.Check(candles, now);
    }

    /// <summary><c>{"code":"400100","msg":"This pair is not provided at present"}</c>, with 200 or a 4xx.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code)
            || code.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || code.ToString() == Success)
        {
            return null;
        }

        string message = JsonValues.OptionalProperty(root, "msg")?.ToString() ?? "";
        string text = $"KuCoin error {code}: {message}";
        bool unknownSymbol = NotListedCodes.Contains(code.ToString())
                             && (message.Contains("pair", StringComparison.OrdinalIgnoreCase)
                                 || message.Contains("symbol", StringComparison.OrdinalIgnoreCase));
        return unknownSymbol ? UpstreamFailure.NotListed(text) : UpstreamFailure.ErrorPayload(text);
    }

    private static string CandleType(CandleInterval interval) => interval switch
    {
        CandleInterval.OneMinute => "1min",
        CandleInterval.FiveMinutes => "5min",
        CandleInterval.FifteenMinutes => "15min",
        CandleInterval.OneHour => "1hour",
        CandleInterval.FourHours => "4hour",
        _ => "1day",
    };
}
