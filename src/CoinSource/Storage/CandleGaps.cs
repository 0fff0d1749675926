using CoinSource.Market;

namespace CoinSource.Storage;

/// <summary>A run of missing candles: every open time from <see cref="From"/> to <see cref="To"/> is absent.</summary>
public sealed record CandleGap(DateTimeOffset From, DateTimeOffset To, int Missing);

/// <summary>Finds the open times missing from a series of candles.</summary>
public static class CandleGaps
{
    /// <summary>
    /// Gaps between consecutive candles, and before the first one when the caller gave a start: a series that
    /// should begin at <paramref name="start"/> but does not is missing its first candles.
    /// </summary>
    public static IReadOnlyList<CandleGap> Find(IReadOnlyList<Candle> candles, CandleInterval interval,
        DateTimeOffset? start)
    {
        List<CandleGap> gaps = [];
        if (candles.Count == 0)
        {
            return gaps;
        }

        TimeSpan width = interval.Duration();
        if (start is { } from)
        {
            long w = width.Ticks;
            var expected = new DateTimeOffset((from.UtcTicks + w - 1) / w * w, TimeSpan.Zero);
            Add(gaps, expected, candles[0].OpenTime, width);
        }

        for (int i = 1; i < candles.Count; i++)
        {
            Add(gaps, candles[i - 1].OpenTime + width, candles[i].OpenTime, width);
        }

        return gaps;
    }

    private static void Add(List<CandleGap> gaps, DateTimeOffset firstMissing, DateTimeOffset next, TimeSpan width)
    {
        int missing = (int)((next - firstMissing).Ticks / width.Ticks);
        if (missing > 0)
        {
            gaps.Add(new CandleGap(firstMissing, next - width, missing));
        }
    }
}
