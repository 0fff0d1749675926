using System.Collections.Concurrent;

namespace CoinSource.FakeUpstreams;

/// <summary>
/// The made-up market that every fake upstream reports: one price per asset (in USD-like units), the same for
/// every quote currency, with a per-source factor so a test can make one source disagree with the others.
/// </summary>
public sealed class FakeMarket
{
    // Longest series a range query may ask for; far beyond any exchange's page.
    private const int MaxSeries = 100_000;

    private readonly ConcurrentDictionary<string, decimal> _prices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BTC"] = 50_000m,
        ["ETH"] = 3_000m,
        ["SOL"] = 150m,
        ["DOGE"] = 0.15m,
    };

    private readonly ConcurrentDictionary<string, decimal> _factors = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The time every fake timestamp is based on: the real time when the market was made, to the minute, so that
    /// answers look current; tests that use a fake clock start it here.
    /// </summary>
    public DateTimeOffset Now { get; set; } =
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);

    /// <summary>Per source, how far its timestamps lag behind <see cref="Now"/>: a source serving old data.</summary>
    private readonly ConcurrentDictionary<string, TimeSpan> _lags = new(StringComparer.OrdinalIgnoreCase);

    public void SetLag(string source, TimeSpan lag) => _lags[source] = lag;

    private readonly ConcurrentDictionary<string, bool> _brokenCandles = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes every candle a source reports have its high below its low.</summary>
    public void BreakCandles(string source) => _brokenCandles[source] = true;

    /// <summary>The time a source stamps on its answers.</summary>
    public DateTimeOffset StampOf(string source) => Now - _lags.GetValueOrDefault(source);

    public void SetPrice(string asset, decimal price) => _prices[asset] = price;

    /// <summary>Scales every price one source reports, e.g. 1.1 for a source 10 % off.</summary>
    public void SetFactor(string source, decimal factor) => _factors[source] = factor;

    public bool Lists(string asset) => _prices.ContainsKey(asset);

    public decimal Price(string source, string asset) =>
        _prices.TryGetValue(asset, out decimal price) ? price * _factors.GetValueOrDefault(source, 1m) : 0m;

    /// <summary>A deterministic candle series ending at <see cref="Now"/>: the same inputs give the same candles.</summary>
    public IReadOnlyList<FakeCandle> Candles(string source, string asset, TimeSpan width, int count,
        DateTimeOffset? start = null, DateTimeOffset? end = null)
    {
        decimal basePrice = Price(source, asset);
        long widthSeconds = (long)width.TotalSeconds;
        long last = (end ?? Now).ToUnixTimeSeconds() / widthSeconds * widthSeconds;
        long first = start is { } s ? (s.ToUnixTimeSeconds() + widthSeconds - 1) / widthSeconds * widthSeconds
            : last - ((count - 1) * widthSeconds);

        List<FakeCandle> candles = [];
        for (long t = first; t <= last && candles.Count < count; t += widthSeconds)
        {
            // A gentle wave around the base price, so that indicators see movement.
            double phase = t / (double)widthSeconds;
            decimal open = basePrice * (1m + (decimal)(0.01 * Math.Sin(phase / 7.0)));
            decimal close = basePrice * (1m + (decimal)(0.01 * Math.Sin((phase + 1) / 7.0)));
            decimal high = Math.Max(open, close) * 1.002m;
            decimal low = Math.Min(open, close) * 0.998m;
            decimal volume = 10m + (decimal)(5 * (1 + Math.Cos(phase / 5.0)));
            // A source told to break candles swaps high and low: well-formed numbers that break the OHLC rules.
            (high, low) = _brokenCandles.ContainsKey(source) ? (low, high) : (high, low);
            candles.Add(new FakeCandle(DateTimeOffset.FromUnixTimeSeconds(t), Round(open), Round(high), Round(low),
                Round(close), Round(volume)));
        }

        return candles;
    }

    /// <summary>
    /// The newest <paramref name="limit"/> candles between <paramref name="start"/> and <paramref name="end"/> (or
    /// <see cref="Now"/>), the page an exchange that sorts newest first answers for a range.
    /// </summary>
    public IReadOnlyList<FakeCandle> LatestCandles(string source, string asset, TimeSpan width, int limit,
        DateTimeOffset? start, DateTimeOffset? end)
    {
        var range = start is null
            ? Candles(source, asset, width, limit, null, end)
            : Candles(source, asset, width, MaxSeries, start, end);
        return [.. range.TakeLast(limit)];
    }

    private static decimal Round(decimal value) => Math.Round(value, 8);
}

/// <summary>One candle of the fake market.</summary>
public sealed record FakeCandle(DateTimeOffset OpenTime, decimal Open, decimal High, decimal Low, decimal Close,
    decimal Volume);
