using CoinSource.Market;

namespace CoinSource.Sources.Shared;

/// <summary>
/// The open times of the candles a query wants, fitted into one upstream page: forwards from the query's start, or
/// back from its end (or now) when it has none. Both bounds are aligned to the interval and inclusive, so an upstream
/// that refuses ranges longer than its page (Coinbase) is never asked for one.
/// </summary>
public readonly record struct CandleSpan(DateTimeOffset First, DateTimeOffset Last)
{
    public static CandleSpan For(CandleQuery query, int pageSize, DateTimeOffset now)
    {
        long width = (long)query.Interval.Duration().TotalSeconds;
        long steps = Math.Min(query.Limit, pageSize) - 1;
        long latest = Floor(now.ToUnixTimeSeconds(), width);

        if (query.Start is { } start)
        {
            long first = Ceiling(start.ToUnixTimeSeconds(), width);
            long last = Math.Min(first + (width * steps), latest);
            if (query.End is { } end)
            {
                last = Math.Min(last, Floor(end.ToUnixTimeSeconds(), width));
            }

            // An empty range is still asked as one bucket: upstreams reject a start after the end as a bad request.
            return new(At(first), At(Math.Max(first, last)));
        }

        long until = query.End is { } to ? Math.Min(Floor(to.ToUnixTimeSeconds(), width), latest) : latest;
        return new(At(until - (width * steps)), At(until));
    }

    private static long Floor(long seconds, long width) => seconds - (((seconds % width) + width) % width);

    private static long Ceiling(long seconds, long width) => -Floor(-seconds, width);

    private static DateTimeOffset At(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);
}
