using System.Globalization;
using CoinSource.Market;
using CoinSource.SafeHttp;

namespace CoinSource.Sources.Shared;

/// <summary>
/// What makes market data believable, checked on every answer before it is used or cached: prices above zero,
/// no timestamps from the future, candles whose high and low bound their open and close.
/// </summary>
public static class MarketDataRules
{
    /// <summary>Clock difference tolerated between CoinSource and an upstream.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The span of plausible market timestamps: before 2009 or after 2100 a time is a unit mix-up or garbage,
    /// whether an upstream sends it or a caller asks for it.
    /// </summary>
    public static readonly DateTimeOffset EarliestTime = DateTimeOffset.FromUnixTimeMilliseconds(1_230_000_000_000);

    /// <inheritdoc cref="EarliestTime"/>
    public static readonly DateTimeOffset LatestTime = DateTimeOffset.FromUnixTimeMilliseconds(4_102_444_800_000);

    public static Quote Check(Quote quote, DateTimeOffset now)
    {
        if (quote.Price <= 0)
        {
            throw new InvalidUpstreamDataException($"price is not positive: {quote.Price}");
        }

        CheckNotFuture(quote.Timestamp, now, "quote timestamp");
        if (quote.High24h is { } high && quote.Low24h is { } low && high < low)
        {
            throw new InvalidUpstreamDataException($"24 h high {high} is below 24 h low {low}");
        }

        return quote;
    }

    /// <summary>Sorts candles oldest first and checks each one and their order; throws on the first bad one.</summary>
    public static IReadOnlyList<Candle> Check(IEnumerable<Candle> candles, DateTimeOffset now)
    {
        var sorted = candles.OrderBy(c => c.OpenTime).ToList();
        for (int i = 0; i < sorted.Count; i++)
        {
            var candle = sorted[i];
            CheckCandle(candle, now);
            if (i > 0 && sorted[i - 1].OpenTime == candle.OpenTime)
            {
                throw new InvalidUpstreamDataException($"two candles open at {Format(candle.OpenTime)}");
            }
        }

        return sorted;
    }

    /// <summary>Keeps the candles the query asked for: within its range, at most its limit.</summary>
    public static IReadOnlyList<Candle> Window(IReadOnlyList<Candle> candles, CandleQuery query)
    {
        var inRange = candles
            .Where(c => (query.Start is not { } start || c.OpenTime >= start)
                        && (query.End is not { } end || c.OpenTime <= end))
            .ToList();

        // From a start, the first candles after it; otherwise the most recent ones.
        return query.Start is not null
            ? inRange.Take(query.Limit).ToList()
            : inRange.Skip(Math.Max(0, inRange.Count - query.Limit)).ToList();
    }

    /// <summary>Why a candle breaks the OHLC rules, or null when it keeps them.</summary>
    public static string? OhlcProblem(Candle c)
    {
        string at = Format(c.OpenTime);
        if (c.Open <= 0 || c.High <= 0 || c.Low <= 0 || c.Close <= 0)
        {
            return $"candle at {at} has a price that is not positive";
        }

        if (c.High < c.Low)
        {
            return $"candle at {at} has high {c.High} below low {c.Low}";
        }

        if (c.High < Math.Max(c.Open, c.Close) || c.Low > Math.Min(c.Open, c.Close))
        {
            return $"candle at {at}: open {c.Open} and close {c.Close} are not within low {c.Low} and high {c.High}";
        }

        return c.Volume < 0 ? $"candle at {at} has negative volume {c.Volume}" : null;
    }

    private static void CheckCandle(Candle c, DateTimeOffset now)
    {
        if (OhlcProblem(c) is { } problem)
        {
            throw new InvalidUpstreamDataException(problem);
        }

        CheckNotFuture(c.OpenTime, now, "candle open time");
    }

    private static void CheckNotFuture(DateTimeOffset timestamp, DateTimeOffset now, string what)
    {
        if (timestamp > now + ClockSkew)
        {
            throw new InvalidUpstreamDataException($"{what} {Format(timestamp)} is in the future");
        }
    }

    private static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
