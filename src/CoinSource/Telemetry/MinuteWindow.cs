namespace CoinSource.Telemetry;

/// <summary>
/// Counts and total latency of the last 60 seconds, in one-second slots written with interlocked operations only.
/// A slot that turns over while another thread writes may lose that one request: a rounding error for a live
/// counter, and the price of keeping locks off the request path.
/// </summary>
public sealed class MinuteWindow
{
    private const int Seconds = 60;

    private readonly long[] _second = new long[Seconds];
    private readonly long[] _count = new long[Seconds];
    private readonly long[] _microseconds = new long[Seconds];

    public void Record(long second, long microseconds)
    {
        int slot = (int)(second % Seconds);
        long seen = Volatile.Read(ref _second[slot]);
        if (seen != second && Interlocked.CompareExchange(ref _second[slot], second, seen) == seen)
        {
            Interlocked.Exchange(ref _count[slot], 0);
            Interlocked.Exchange(ref _microseconds[slot], 0);
        }

        Interlocked.Increment(ref _count[slot]);
        Interlocked.Add(ref _microseconds[slot], microseconds);
    }

    /// <summary>Requests and their average latency over the 60 seconds up to <paramref name="now"/>.</summary>
    /// <param name="now">Whole seconds of a monotonic clock, the same one that <see cref="Record"/> was given.</param>
    public (long Count, double? AverageMs) Read(long now)
    {
        long count = 0;
        long microseconds = 0;
        for (int slot = 0; slot < Seconds; slot++)
        {
            long second = Volatile.Read(ref _second[slot]);
            if (second > now - Seconds && second <= now)
            {
                count += Volatile.Read(ref _count[slot]);
                microseconds += Volatile.Read(ref _microseconds[slot]);
            }
        }

        return (count, count == 0 ? null : Math.Round(microseconds / 1000.0 / count, 2));
    }
}
