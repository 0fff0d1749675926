using System.Text.Json;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.Binance;

/// <summary>
/// Binance spot market data (keyless): <c>/api/v3/ticker/24hr</c> for quotes and <c>/api/v3/klines</c> for
/// candles. Binance has no USD pairs, only stablecoins, so it never answers for USD.
/// </summary>
public sealed class BinanceSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IQuoteSource, ICandleSource
{
    private const int InvalidSymbolCode = -1121;
    private const int MaxKlines = 1000;

    private static readonly string[] Quotes = [QuoteCurrency.Usdt, QuoteCurrency.Usdc, QuoteCurrency.Eur,
        QuoteCurrency.Btc];

    public const string SourceName = "binance";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://api.binance.com");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public bool Supports(AssetPair pair) => Quotes.Contains(pair.Quote);

    public bool Supports(AssetPair pair, CandleInterval interval) => Supports(pair);

    public Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        var request = Request("ticker/24hr", "/api/v3/ticker/24hr", ("symbol", Symbol(pair)));
        return Http.GetJsonAsync(request, root => ParseTicker(root, pair, Time.GetUtcNow()), cancellationToken);
    }

    public Task<UpstreamResult<IReadOnlyList<Candle>>> GetCandlesAsync(CandleQuery query,
        CancellationToken cancellationToken)
    {
        var request = Request("klines", "/api/v3/klines",
            ("symbol", Symbol(query.Pair)),
            ("interval", query.Interval.Name()),
            ("limit", Math.Min(query.Limit, MaxKlines)),
            ("startTime", query.Start?.ToUnixTimeMilliseconds()),
            ("endTime", query.End?.ToUnixTimeMilliseconds()));
        return Http.GetJsonAsync(request,
            root => MarketDataRules.Window(ParseKlines(root, Time.GetUtcNow()), query), cancellationToken);
    }

    internal static string Symbol(AssetPair pair) => pair.Base + pair.Quote;

    internal static Quote ParseTicker(JsonElement root, AssetPair pair, DateTimeOffset now)
    {
        var quote = new Quote
        {
            Symbol = pair.Base,
            QuoteCurrency = pair.Quote,
            Price = JsonValues.PriceOf(root, "lastPrice"),
            Change24hPercent = JsonValues.OptionalNumber(root, "priceChangePercent"),
            High24h = JsonValues.OptionalNumber(root, "highPrice"),
            Low24h = JsonValues.OptionalNumber(root, "lowPrice"),
            Volume24h = JsonValues.OptionalNumber(root, "volume"),
            Timestamp = JsonValues.UnixMilliseconds(JsonValues.Property(root, "closeTime"), "closeTime"),
        };
        return MarketDataRules.Check(quote, now);
    }

    /// <summary>Rows of [openTime, open, high, low, close, volume, closeTime, ...], prices as strings.</summary>
    internal static IReadOnlyList<Candle> ParseKlines(JsonElement root, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"klines: expected an array, got {root.ValueKind}");
        }

        var candles = root.EnumerateArray().Select(row => new Candle(
            JsonValues.UnixMilliseconds(JsonValues.Index(row, 0, "kline"), "openTime"),
            JsonValues.Number(row[1], "open"),
            JsonValues.Number(row[2], "high"),
            JsonValues.Number(row[3], "low"),
            JsonValues.Number(row[4], "close"),
            JsonValues.Number(JsonValues.Index(row, 5, "kline"), "volume")));
        return MarketDataRules.Check(candles, now);
    }

    /// <summary>Binance errors are <c>{"code": -1121, "msg": "Invalid symbol."}</c>, with 200 or a 4xx.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number
            || !root.TryGetProperty("msg", out var message))
        {
            return null;
        }

        string text = $"Binance error {code.GetRawText()}: {message}";
        return code.TryGetInt32(out int value) && value == InvalidSymbolCode
            ? UpstreamFailure.NotListed(text)
            : UpstreamFailure.ErrorPayload(text);
    }
}
