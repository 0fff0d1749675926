using CoinSource.Health;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using CoinSource.Telemetry;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Health;

/// <summary>
/// The tracker's side of sharing, on a fake clock with a recording share: what it announces, how it applies what
/// others announced, the probe claim and the shared budget.
/// </summary>
public sealed class SharedHealthTests
{
    private const string Source = "binance";
    private static readonly UpstreamFailure ServerError = new(FailureKind.BadStatus, "HTTP 500 Internal Server Error");
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(40);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HealthOptions _options = new() { ProbeJitter = TimeSpan.Zero };
    private readonly RecordingShare _share = new();
    private readonly ActivityFeed _feed;
    private readonly SourceHealthTracker _tracker;

    public SharedHealthTests()
    {
        _feed = new ActivityFeed(_clock);
        var events = new HealthEvents(new FakeLogger<HealthEvents>(), TestTelemetry.Metrics(), _feed);
        _tracker = new SourceHealthTracker(_clock, new StaticOptions<HealthOptions>(_options), events, share: _share);
        _tracker.Register(Source);
    }

    [Fact]
    public void LocalOffline_AnnouncedOnceWithItsCooldown_DegradedNotAnnounced()
    {
        Fail();
        Fail();
        Assert.Empty(_share.Announced);

        Fail();

        var report = Assert.Single(_share.Announced);
        Assert.Equal(SourceState.Offline, report.State);
        Assert.Equal(_clock.GetUtcNow() + _options.Cooldown, report.CooldownUntil);
        Assert.Contains("HTTP 500", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoteOffline_SkippedUntilTheSameCooldownEnd_NotAnnouncedBack()
    {
        var until = _clock.GetUtcNow() + TimeSpan.FromMinutes(4);

        _tracker.ApplyShared(new SharedHealthReport(Source, SourceState.Offline, "3 consecutive failures", until,
            Instance: "a"));

        var admission = _tracker.Admit(Source);
        Assert.Equal(AdmissionDecision.SkipOffline, admission.Decision);
        Assert.Equal(until, admission.Until);
        Assert.Equal(until, _tracker.Snapshot(Source)!.CooldownUntil);
        Assert.Empty(_share.Announced);
        var change = Assert.Single(_feed.Recent(10), e => e.Kind == ActivityKind.StateChange);
        Assert.Equal("a", change.ReportedBy);
        Assert.Contains("seen by instance a", change.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoteOffline_TwoCooldowns_TheLaterWins()
    {
        Fail();
        Fail();
        Fail();
        var local = _tracker.Snapshot(Source)!.CooldownUntil!.Value;

        _tracker.ApplyShared(new SharedHealthReport(Source, SourceState.Offline, "x", local - TimeSpan.FromSeconds(5)));
        Assert.Equal(local, _tracker.Snapshot(Source)!.CooldownUntil);

        _tracker.ApplyShared(new SharedHealthReport(Source, SourceState.Offline, "x", local + TimeSpan.FromSeconds(5)));
        Assert.Equal(local + TimeSpan.FromSeconds(5), _tracker.Snapshot(Source)!.CooldownUntil);
    }

    [Fact]
    public void RemoteHealthy_EndsAnOfflineSpell_LeavesADegradedSourceAlone()
    {
        _tracker.ApplyShared(new SharedHealthReport(Source, SourceState.Offline, "x",
            _clock.GetUtcNow() + TimeSpan.FromMinutes(5), Instance: "a"));

        _tracker.ApplyShared(new SharedHealthReport(Source, SourceState.Healthy, "answered correctly", Instance: "a"));
        Assert.Equal(SourceState.Healthy, _tracker.StateOf(Source));

        Fail();
        _tracker.ApplyShared(new SharedHealthReport(Source, SourceState.Healthy, "answered correctly", Instance: "a"));
        Assert.Equal(SourceState.Degraded, _tracker.StateOf(Source));
    }

    [Fact]
    public void RemoteThrottle_SkipsUntilItsEnd_WithoutEndingAnOfflineSpell()
    {
        var throttled = _clock.GetUtcNow() + TimeSpan.FromSeconds(30);
        _tracker.ApplyShared(new SharedHealthReport(Source, SourceState.Healthy, "HTTP 429", ThrottledUntil: throttled));
        Assert.Equal(AdmissionDecision.SkipThrottled, _tracker.Admit(Source).Decision);

        Fail();
        Fail();
        Fail();
        _tracker.ApplyShared(new SharedHealthReport(Source, SourceState.Healthy, "HTTP 429", ThrottledUntil: throttled));

        Assert.Equal(SourceState.Offline, _tracker.StateOf(Source));
    }

    [Fact]
    public void LocalThrottle_Announced()
    {
        var until = _clock.GetUtcNow() + TimeSpan.FromSeconds(90);

        _tracker.RecordFailure(Source, new UpstreamFailure(FailureKind.Throttled, "HTTP 429", until), Fast);

        Assert.Equal(until, Assert.Single(_share.Announced).ThrottledUntil);
    }

    [Fact]
    public async Task Probe_ClaimedByAnotherInstance_NotProbedHere()
    {
        Fail();
        Fail();
        Fail();
        _clock.Advance(_options.Cooldown);
        _share.ClaimGranted = false;

        Assert.False(await _tracker.TryBeginProbeAsync(Source));
        Assert.Empty(_tracker.DueForProbe());

        // The other instance's verdict arrives.
        _tracker.ApplyShared(new SharedHealthReport(Source, SourceState.Healthy, "answered correctly", Instance: "a"));
        Assert.Equal(SourceState.Healthy, _tracker.StateOf(Source));
    }

    [Fact]
    public async Task Probe_ClaimedHere_FailedProbeAnnouncesTheNewCooldown()
    {
        Fail();
        Fail();
        Fail();
        _clock.Advance(_options.Cooldown);

        Assert.True(await _tracker.TryBeginProbeAsync(Source));
        Assert.Equal(_clock.GetUtcNow(), _share.Claimed.Single().CooldownUntil);
        Fail();

        Assert.Equal(2, _share.Announced.Count);
        Assert.Equal(_clock.GetUtcNow() + _options.Cooldown, _share.Announced[1].CooldownUntil);
    }

    [Fact]
    public async Task SharedBudget_Spent_SkippedWithTheSharedReason_UnreachableGoesOnLocallyFromWhatWasLeft()
    {
        var quotas = new FixedQuota { Take = new QuotaTake(false, 0.25, TimeSpan.FromSeconds(12)) };
        var events = new HealthEvents(new FakeLogger<HealthEvents>(), TestTelemetry.Metrics(), _feed);
        var tracker = new SourceHealthTracker(_clock, new StaticOptions<HealthOptions>(_options), events,
            _ => new RequestBudget(2, TimeSpan.FromMinutes(1)), quotas: quotas);

        var spent = await tracker.AdmitAsync(Source);
        Assert.Equal(AdmissionDecision.SkipQuota, spent.Decision);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(12), spent.Until);
        Assert.StartsWith("request budget of 2/60 spent by all instances together", spent.Reason,
            StringComparison.Ordinal);

        // Redis gone: the local bucket goes on from what the shared one had left, a quarter request.
        quotas.Take = null;
        Assert.Equal(AdmissionDecision.SkipQuota, (await tracker.AdmitAsync(Source)).Decision);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await tracker.AdmitAsync(Source)).Allowed);
        Assert.Equal(AdmissionDecision.SkipQuota, (await tracker.AdmitAsync(Source)).Decision);
    }

    private void Fail() => _tracker.RecordFailure(Source, ServerError, Fast);

    private sealed class RecordingShare : IHealthShare
    {
        public List<SharedHealthReport> Announced { get; } = [];

        public List<(string Source, DateTimeOffset CooldownUntil)> Claimed { get; } = [];

        public bool ClaimGranted { get; set; } = true;

        public void Announce(SharedHealthReport report) => Announced.Add(report);

        public ValueTask<bool> ClaimProbeAsync(string source, DateTimeOffset cooldownUntil)
        {
            Claimed.Add((source, cooldownUntil));
            return ValueTask.FromResult(ClaimGranted);
        }
    }

    private sealed class FixedQuota : IQuotaShare
    {
        public QuotaTake? Take { get; set; }

        public ValueTask<QuotaTake?> TryTakeAsync(string source, RequestBudget budget) => ValueTask.FromResult(Take);
    }
}
