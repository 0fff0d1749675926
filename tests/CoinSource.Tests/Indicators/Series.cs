using CoinSource.Indicators;

namespace CoinSource.Tests.Indicators;

/// <summary>Deterministic candle series for tests: a random walk from a seed, flat, and scaled.</summary>
public static class Series
{
    public static Bar[] Walk(int seed, int count, double start = 100, double scale = 1, bool zeroVolume = false,
        bool flat = false)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        double close = start;
        for (int i = 0; i < count; i++)
        {
            double open = close;
            close = flat ? start : Math.Max(start * 1e-3, close * (1 + ((random.NextDouble() - 0.5) * 0.04)));
            double high = flat ? start : Math.Max(open, close) * (1 + (random.NextDouble() * 0.01));
            double low = flat ? start : Math.Min(open, close) * (1 - (random.NextDouble() * 0.01));
            double volume = zeroVolume ? 0 : random.NextDouble() * 1000;
            bars[i] = new Bar(Reference.Time(i), open * scale, high * scale, low * scale, close * scale, volume * scale);
        }

        return bars;
    }
}
