using System.Diagnostics.Metrics;
using CoinSource.Health;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using CoinSource.Telemetry;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Health;

/// <summary>Every state transition of a source, driven by a fake clock.</summary>
public sealed class SourceHealthTrackerTests
{
    private const string Source = "binance";
    private static readonly UpstreamFailure ServerError = new(FailureKind.BadStatus, "HTTP 500 Internal Server Error");
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(40);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger<HealthEvents> _logger = new();
    private readonly IMeterFactory _meters = TestTelemetry.MeterFactory();
    private readonly HealthOptions _options = new() { ProbeJitter = TimeSpan.Zero };
    private readonly SourceHealthTracker _tracker;

    public SourceHealthTrackerTests()
    {
        var events = new HealthEvents(_logger, TestTelemetry.Metrics(_meters), new ActivityFeed(_clock));
        _tracker = new SourceHealthTracker(_clock, new StaticOptions<HealthOptions>(_options), events);
        _tracker.Register(Source);
    }

    [Fact]
    public void NewSource_IsHealthyAndAdmitted()
    {
        Assert.Equal(SourceState.Healthy, _tracker.StateOf(Source));
        Assert.Equal(AdmissionDecision.Allow, _tracker.Admit(Source).Decision);
    }

    [Fact]
    public void Failures_OneAndTwo_Degraded_ThirdOffline()
    {
        Fail();
        Assert.Equal(SourceState.Degraded, _tracker.StateOf(Source));
        Fail();
        Assert.Equal(SourceState.Degraded, _tracker.StateOf(Source));
        Assert.Equal(AdmissionDecision.Allow, _tracker.Admit(Source).Decision);

        Fail();

        var snapshot = _tracker.Snapshot(Source)!;
        Assert.Equal(SourceState.Offline, snapshot.State);
        Assert.Equal(3, snapshot.ConsecutiveFailures);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(5), snapshot.CooldownUntil);
        Assert.Contains("HTTP 500", snapshot.StateReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_DuringCooldown_SkippedWithReason()
    {
        GoOffline();
        _clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));

        var admission = _tracker.Admit(Source);

        Assert.Equal(AdmissionDecision.SkipOffline, admission.Decision);
        Assert.Contains("OFFLINE until 12:05:00Z", admission.Reason, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(1), admission.Until);
    }

    [Fact]
    public void Offline_AfterCooldown_ExactlyOneProbeClaimed_UserRequestsStillSkip()
    {
        GoOffline();
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.False(_tracker.TryBeginProbe(Source));
        Assert.Empty(_tracker.DueForProbe());
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([Source], _tracker.DueForProbe());
        Assert.True(_tracker.TryBeginProbe(Source));
        Assert.False(_tracker.TryBeginProbe(Source));
        Assert.Empty(_tracker.DueForProbe());
        Assert.Equal(AdmissionDecision.SkipOffline, _tracker.Admit(Source).Decision);
    }

    [Fact]
    public void ProbeJitter_SourcesThatFailedTogether_ProbedAtDifferentTimes()
    {
        var options = new HealthOptions { ProbeJitter = TimeSpan.FromSeconds(30) };
        var events = new HealthEvents(_logger, TestTelemetry.Metrics(_meters), new ActivityFeed(_clock));
        var tracker = new SourceHealthTracker(_clock, new StaticOptions<HealthOptions>(options), events, jitter: new Random(7));
        string[] sources = ["a", "b", "c", "d", "e"];
        foreach (string source in sources)
        {
            for (int i = 0; i < 3; i++)
            {
                tracker.RecordFailure(source, ServerError, Fast);
            }
        }

        var probeTimes = new List<TimeSpan>();
        var elapsed = TimeSpan.FromMinutes(5);
        _clock.Advance(elapsed);
        while (probeTimes.Count < sources.Length && elapsed <= TimeSpan.FromMinutes(5.5))
        {
            probeTimes.AddRange(tracker.DueForProbe().Where(tracker.TryBeginProbe).Select(_ => elapsed));
            _clock.Advance(TimeSpan.FromSeconds(1));
            elapsed += TimeSpan.FromSeconds(1);
        }

        Assert.Equal(sources.Length, probeTimes.Count);
        Assert.True(probeTimes.Distinct().Count() >= 4, string.Join(", ", probeTimes));
        Assert.All(probeTimes, t => Assert.InRange(t, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5.5)));
    }

    [Fact]
    public void Probe_Succeeds_SourceHealthyAgain()
    {
        GoOffline();
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(_tracker.TryBeginProbe(Source));

        _tracker.RecordSuccess(Source, Fast);

        var snapshot = _tracker.Snapshot(Source)!;
        Assert.Equal(SourceState.Healthy, snapshot.State);
        Assert.Equal(0, snapshot.ConsecutiveFailures);
        Assert.Null(snapshot.CooldownUntil);
        Assert.Equal(AdmissionDecision.Allow, _tracker.Admit(Source).Decision);
    }

    [Fact]
    public void Probe_Fails_NewCooldownFromNow()
    {
        GoOffline();
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(_tracker.TryBeginProbe(Source));

        Fail();

        Assert.Equal(SourceState.Offline, _tracker.StateOf(Source));
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(5), _tracker.Snapshot(Source)!.CooldownUntil);
        Assert.Equal(AdmissionDecision.SkipOffline, _tracker.Admit(Source).Decision);
    }

    [Fact]
    public void Success_AfterFailures_ResetsCountAndHealth()
    {
        Fail();
        Fail();

        _tracker.RecordSuccess(Source, Fast);
        Fail();

        Assert.Equal(SourceState.Degraded, _tracker.StateOf(Source));
        Assert.Equal(1, _tracker.Snapshot(Source)!.ConsecutiveFailures);
    }

    [Theory]
    [InlineData(FailureKind.NotListed)]
    [InlineData(FailureKind.Cancelled)]
    public void NeutralFailures_DoNotCount(FailureKind kind)
    {
        for (int i = 0; i < 5; i++)
        {
            _tracker.RecordFailure(Source, new UpstreamFailure(kind, "neutral"), Fast);
        }

        var snapshot = _tracker.Snapshot(Source)!;
        Assert.Equal(SourceState.Healthy, snapshot.State);
        Assert.Equal(0, snapshot.Failures);
    }

    [Fact]
    public void Throttled_SkippedUntilRetryAfter_StateUnchanged()
    {
        var until = _clock.GetUtcNow().AddSeconds(90);
        _tracker.RecordFailure(Source, new UpstreamFailure(FailureKind.Throttled, "HTTP 429", until), Fast);

        Assert.Equal(AdmissionDecision.SkipThrottled, _tracker.Admit(Source).Decision);
        Assert.Equal(SourceState.Healthy, _tracker.StateOf(Source));

        _clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(AdmissionDecision.Allow, _tracker.Admit(Source).Decision);
    }

    [Fact]
    public void SlowSuccess_Degraded_FastSuccessHealthy()
    {
        _tracker.RecordSuccess(Source, TimeSpan.FromSeconds(4));
        Assert.Equal(SourceState.Degraded, _tracker.StateOf(Source));
        Assert.Contains("slow", _tracker.Snapshot(Source)!.StateReason, StringComparison.Ordinal);

        _tracker.RecordSuccess(Source, Fast);
        Assert.Equal(SourceState.Healthy, _tracker.StateOf(Source));
    }

    [Fact]
    public void Threshold_IsConfiguration()
    {
        _options.FailureThreshold = 5;

        for (int i = 0; i < 4; i++)
        {
            Fail();
        }

        Assert.Equal(SourceState.Degraded, _tracker.StateOf(Source));
        Fail();
        Assert.Equal(SourceState.Offline, _tracker.StateOf(Source));
    }

    [Fact]
    public void Cooldown_IsConfiguration()
    {
        _options.Cooldown = TimeSpan.FromSeconds(30);
        GoOffline();

        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(_tracker.TryBeginProbe(Source));
    }

    [Fact]
    public void StateChange_LoggedOnce_NotPerRequest()
    {
        GoOffline();
        for (int probe = 0; probe < 4; probe++)
        {
            _clock.Advance(TimeSpan.FromMinutes(5));
            Assert.True(_tracker.TryBeginProbe(Source));
            Fail();
        }

        var records = _logger.Collector.GetSnapshot();
        Assert.Single(records, r => r.Id.Name == "SourceDegraded" && r.Level == LogLevel.Warning);
        Assert.Single(records, r => r.Id.Name == "SourceOffline" && r.Level == LogLevel.Error);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void StateChange_CountedInMetric()
    {
        using var transitions = new MetricCollector<long>(_meters, CoinSourceMetrics.MeterName, "coinsource.source.transitions");

        GoOffline();

        var measurements = transitions.GetMeasurementSnapshot();
        Assert.Equal(["DEGRADED", "OFFLINE"], measurements.Select(m => (string)m.Tags["state"]!));
    }

    [Fact]
    public void Snapshot_KeepsTransitionsCountsAndLatency()
    {
        _tracker.RecordSuccess(Source, TimeSpan.FromMilliseconds(10));
        _tracker.RecordSuccess(Source, TimeSpan.FromMilliseconds(30));
        GoOffline();

        var snapshot = _tracker.Snapshot(Source)!;

        Assert.Equal(2, snapshot.Successes);
        Assert.Equal(3, snapshot.Failures);
        Assert.Equal(0.4, snapshot.SuccessRate);
        Assert.Equal(40, snapshot.P95LatencyMs);
        Assert.Equal("HTTP 500 Internal Server Error", snapshot.LastFailureReason);
        Assert.Equal([SourceState.Degraded, SourceState.Offline], snapshot.Transitions.Select(t => t.To));
    }

    [Fact]
    public void Reset_ReturnsOfflineSourceToHealthy()
    {
        GoOffline();

        Assert.True(_tracker.Reset(Source));

        Assert.Equal(SourceState.Healthy, _tracker.StateOf(Source));
        Assert.Equal(AdmissionDecision.Allow, _tracker.Admit(Source).Decision);
        Assert.False(_tracker.Reset("no-such-source"));
    }

    [Fact]
    public void Budget_Spent_SkippedUntilItRefills()
    {
        var tracker = WithBudget(new RequestBudget(3, TimeSpan.FromMinutes(1)));

        var admitted = Enumerable.Range(0, 4).Select(_ => tracker.Admit(Source)).ToList();

        Assert.Equal([AdmissionDecision.Allow, AdmissionDecision.Allow, AdmissionDecision.Allow,
            AdmissionDecision.SkipQuota], admitted.Select(a => a.Decision));
        Assert.Equal("request budget of 3/60 spent; the next request fits at 12:00:20Z", admitted[3].Reason);
        Assert.Equal(0, tracker.Snapshot(Source)!.Budget!.Remaining);

        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(AdmissionDecision.Allow, tracker.Admit(Source).Decision);
        Assert.Equal(AdmissionDecision.SkipQuota, tracker.Admit(Source).Decision);
    }

    [Fact]
    public void Budget_UpstreamSaysNoneLeft_SkippedUntilItsReset()
    {
        var tracker = WithBudget(new RequestBudget(100, TimeSpan.FromMinutes(1)));

        tracker.RecordRateLimit(Source, new RateLimitInfo(0, _clock.GetUtcNow().AddSeconds(30)));

        Assert.Equal(AdmissionDecision.SkipQuota, tracker.Admit(Source).Decision);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(30), tracker.Snapshot(Source)!.Budget!.BlockedUntil);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(AdmissionDecision.Allow, tracker.Admit(Source).Decision);
    }

    [Fact]
    public void Budget_UpstreamSaysFewerLeft_BudgetLowered()
    {
        var tracker = WithBudget(new RequestBudget(100, TimeSpan.FromMinutes(1)));

        tracker.RecordRateLimit(Source, new RateLimitInfo(2, null));

        Assert.Equal(2, tracker.Snapshot(Source)!.Budget!.Remaining);
    }

    private SourceHealthTracker WithBudget(RequestBudget budget)
    {
        var events = new HealthEvents(_logger, TestTelemetry.Metrics(_meters), new ActivityFeed(_clock));
        return new SourceHealthTracker(_clock, new StaticOptions<HealthOptions>(_options), events, _ => budget);
    }

    private void Fail() => _tracker.RecordFailure(Source, ServerError, Fast);

    private void GoOffline()
    {
        Fail();
        Fail();
        Fail();
    }
}
