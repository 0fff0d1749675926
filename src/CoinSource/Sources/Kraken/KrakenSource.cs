using System.Text.Json;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.Kraken;

/// <summary>
/// Kraken spot market data (keyless): <c>/0/public/Ticker</c> for quotes and <c>/0/public/OHLC</c> for candles.
/// Kraken names bitcoin XBT and answers under its own pair names (XXBTZUSD for XBTUSD), so the result is read as
/// its single entry, whatever its key. Every body carries an <c>error</c> array, empty on success.
/// </summary>
public sealed class KrakenSource(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : SourceAdapter(http, time, options), IQuoteSource, ICandleSource
{
    private const string UnknownPair = "EQuery:Unknown asset pair";

    private static readonly string[] Quotes = [QuoteCurrency.Usd, QuoteCurrency.Usdt, QuoteCurrency.Eur,
        QuoteCurrency.Usdc];

    public const string SourceName = "kraken";

    public override string Name => SourceName;

    public override Uri DefaultBaseUrl { get; } = new("https://api.kraken.com");

    protected override ErrorPayloadReader ErrorReader => ReadError;

    public bool Supports(AssetPair pair) => Quotes.Contains(pair.Quote);

    public bool Supports(AssetPair pair, CandleInterval interval) => Supports(pair);

    public Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        var request = Request("Ticker", "/0/public/Ticker", ("pair", PairName(pair)));
        return Http.GetJsonAsync(request, root => ParseTicker(root, pair, Time.GetUtcNow()), cancellationToken);
    }

    public Task<UpstreamResult<IReadOnlyList<Candle>>> GetCandlesAsync(CandleQuery query,
        CancellationToken cancellationToken)
    {
        // Kraken keeps only its 720 most recent candles; "since" narrows them but cannot reach further back.
        long? since = query.Start?.Add(-query.Interval.Duration()).ToUnixTimeSeconds();
        var request = Request("OHLC", "/0/public/OHLC",
            ("pair", PairName(query.Pair)),
            ("interval", (int)query.Interval.Duration().TotalMinutes),
            ("since", since));
        return Http.GetJsonAsync(request,
            root => MarketDataRules.Window(ParseOhlc(root, Time.GetUtcNow()), query), cancellationToken);
    }

    /// <summary>Kraken's request name of a pair: XBTUSD, ETHEUR, XDGUSDT.</summary>
    internal static string PairName(AssetPair pair) => AssetCode(pair.Base) + AssetCode(pair.Quote);

    /// <summary><c>{"error":[],"result":{"XXBTZUSD":{"c":["67000.1","0.01"],"h":[..],"l":[..],"v":[..]}}}</c></summary>
    internal static Quote ParseTicker(JsonElement root, AssetPair pair, DateTimeOffset now)
    {
        var entries = JsonValues.Property(root, "result").EnumerateObject().ToList();
        return entries.Count switch
        {
            0 => throw new NotListedException($"Kraken has no ticker for {PairName(pair)}"),
            1 => ParseTickerEntry(entries[0].Value, pair, now),
            _ => throw new InvalidUpstreamDataException(
                $"Ticker: expected one pair in 'result', got {entries.Count}"),
        };
    }

    /// <summary>
    /// One pair's ticker. Index 1 of h, l and v covers the last 24 hours; Kraken's "o" is today's opening price, not
    /// the price 24 hours ago, so no 24 h change is derived from it. The ticker carries no time of its own.
    /// </summary>
    internal static Quote ParseTickerEntry(JsonElement entry, AssetPair pair, DateTimeOffset now)
    {
        var quote = new Quote
        {
            Symbol = pair.Base,
            QuoteCurrency = pair.Quote,
            Price = JsonValues.Price(Item(entry, "c", 0), "c[0]"),
            High24h = JsonValues.Number(Item(entry, "h", 1), "h[1]"),
            Low24h = JsonValues.Number(Item(entry, "l", 1), "l[1]"),
            Volume24h = JsonValues.Number(Item(entry, "v", 1), "v[1]"),
            Timestamp = now,
        };
        return MarketDataRules.Check(quote, now);
    }

    /// <summary>
    /// <c>{"error":[],"result":{"XXBTZUSD":[[time, "open", "high", "low", "close", "vwap", "volume", count]],
    /// "last":1700000000}}</c>; the last row is the candle still forming.
    /// </summary>
    internal static IReadOnlyList<Candle> ParseOhlc(JsonElement root, DateTimeOffset now)
    {
        var series = JsonValues.Property(root, "result").EnumerateObject()
            .Where(p => p.Name != "last")
            .ToList();
        if (series.Count != 1 || series[0].Value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidUpstreamDataException($"OHLC: expected one candle array in 'result', got {series.Count}");
        }

        var candles = series[0].Value.EnumerateArray().Select(row => new Candle(
            JsonValues.UnixSeconds(JsonValues.Index(row, 0, "OHLC row"), "time"),
            JsonValues.Number(row[1], "open"),
            JsonValues.Number(row[2], "high"),
            JsonValues.Number(row[3], "low"),
            JsonValues.Number(row[4], "close"),
            JsonValues.Number(JsonValues.Index(row, 6, "OHLC row"), "volume")));
        return MarketDataRules.Check(candles, now);
    }

    /// <summary><c>{"error":["EQuery:Unknown asset pair"]}</c>; rate limits are EAPI/EGeneral errors too.</summary>
    internal static UpstreamFailure? ReadError(JsonElement root, int status)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var errors)
            || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
        {
            return null;
        }

        var messages = errors.EnumerateArray().Select(e => e.ToString()).ToList();
        string text = $"Kraken error: {string.Join("; ", messages)}";
        return messages.Any(m => m.StartsWith(UnknownPair, StringComparison.Ordinal))
            ? UpstreamFailure.NotListed(text)
            : UpstreamFailure.ErrorPayload(text);
    }

    private static JsonElement Item(JsonElement entry, string name, int index) =>
        JsonValues.Index(JsonValues.Property(entry, name), index, $"ticker field '{name}'");

    private static string AssetCode(string asset) => asset switch
    {
        "BTC" => "XBT",
        "DOGE" => "XDG",
        _ => asset,
    };
}
