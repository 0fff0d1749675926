using CoinSource.Storage;

namespace CoinSource.Tests.Storage;

/// <summary>Uptime weighted by time in each state, and nearest-rank latency percentiles, on hand-made histories.</summary>
public sealed class UptimeCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_StateBeforeWindowKnown_WholeWindowCoveredAndWeighted()
    {
        StoredTransition[] changes =
        [
            new("binance", Now.AddHours(-30), "Healthy", "Offline"),
            new("binance", Now.AddHours(-12), "Offline", "Degraded"),
            new("binance", Now.AddHours(-6), "Degraded", "Healthy"),
        ];

        var day = UptimeCalculator.Compute(changes, [], Now.AddHours(-24), Now);

        Assert.Equal(86_400, day.CoveredSeconds);
        Assert.Equal(12 * 3600, day.OfflineSeconds);
        Assert.Equal(6 * 3600, day.DegradedSeconds);
        Assert.Equal(6 * 3600, day.HealthySeconds);
        Assert.Equal(50, day.UptimePercent);
        Assert.Null(day.LatencyP50Ms);
    }

    [Fact]
    public void Compute_NothingBeforeWindow_CoverStartsAtFirstRecord()
    {
        StoredAttempt[] attempts = [new("kraken", Now.AddHours(-4), true, 40)];
        StoredTransition[] changes = [new("kraken", Now.AddHours(-3), "Healthy", "Offline")];

        var day = UptimeCalculator.Compute(changes, attempts, Now.AddHours(-24), Now);

        Assert.Equal(4 * 3600, day.CoveredSeconds);
        Assert.Equal(25, day.UptimePercent);
        Assert.Equal(1, day.Attempts);
    }

    [Fact]
    public void Compute_NoRecordAtAll_NoFigure()
    {
        var day = UptimeCalculator.Compute([], [], Now.AddHours(-24), Now);

        Assert.Null(day.UptimePercent);
        Assert.Equal(0, day.CoveredSeconds);
    }

    [Fact]
    public void Compute_Latencies_NearestRankPercentilesOfWindowOnly()
    {
        var attempts = Enumerable.Range(1, 100)
            .Select(i => new StoredAttempt("okx", Now.AddMinutes(-i), i % 10 != 0, i))
            .Append(new StoredAttempt("okx", Now.AddDays(-2), true, 99_999))
            .OrderBy(a => a.At)
            .ToList();

        var day = UptimeCalculator.Compute([], attempts, Now.AddHours(-24), Now);

        Assert.Equal(100, day.Attempts);
        Assert.Equal(10, day.Failures);
        Assert.Equal(50, day.LatencyP50Ms);
        Assert.Equal(95, day.LatencyP95Ms);
        Assert.Equal(99, day.LatencyP99Ms);
    }
}
