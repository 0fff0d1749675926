using CoinSource.Health;
using CoinSource.Market;
using CoinSource.Routing;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using CoinSource.Telemetry;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Routing;

public sealed class SourceRouterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SourceOptions _disabled = new() { Enabled = false };
    private readonly HashSet<string> _disabledNames = [];
    private readonly SourceHealthTracker _health;

    public SourceRouterTests()
    {
        var feed = new ActivityFeed(_clock);
        _health = new SourceHealthTracker(_clock, new StaticOptions<HealthOptions>(new HealthOptions()),
            new HealthEvents(NullLogger<HealthEvents>.Instance, TestTelemetry.Metrics(), feed));
    }

    [Fact]
    public async Task Route_FirstSucceeds_OneCallOneAttempt()
    {
        var a = FakeQuoteSource.Answering("a", 100m);
        var b = FakeQuoteSource.Answering("b", 200m);

        var result = await RouteAsync(a, b);

        Assert.Equal("a", result.Source);
        Assert.Equal(100m, result.Value!.Price);
        Assert.Equal(0, b.Calls);
        Assert.Equal(AttemptOutcome.Success, Assert.Single(result.Attempts).Outcome);
    }

    [Fact]
    public async Task Route_FirstFails_NextCandidateInSameRequest()
    {
        var a = FakeQuoteSource.Failing("a");
        var b = FakeQuoteSource.Answering("b", 200m);

        var result = await RouteAsync(a, b);

        Assert.Equal("b", result.Source);
        Assert.Equal([("a", AttemptOutcome.Failure), ("b", AttemptOutcome.Success)],
            result.Attempts.Select(x => (x.Source, x.Outcome)));
        Assert.Equal("a says no", result.Attempts[0].Reason);
    }

    [Fact]
    public async Task Route_OfflineSource_SkippedWithoutACall()
    {
        var a = FakeQuoteSource.Failing("a");
        var b = FakeQuoteSource.Answering("b", 200m);
        for (int i = 0; i < 3; i++)
        {
            await RouteAsync(a);
        }

        var result = await RouteAsync(a, b);

        Assert.Equal(3, a.Calls);
        Assert.Equal("b", result.Source);
        Assert.Equal(["a", "b"], result.Attempts.Select(x => x.Source));
        var skip = result.Attempts.Single(x => x.Source == "a");
        Assert.Equal(AttemptOutcome.Skipped, skip.Outcome);
        Assert.Equal(0, skip.Ms);
        Assert.StartsWith("OFFLINE until", skip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_ThrottledSource_SkippedUntilRetryAfter()
    {
        var until = _clock.GetUtcNow().AddSeconds(60);
        var a = FakeQuoteSource.Failing("a", FailureKind.Throttled, until);
        await RouteAsync(a);

        var result = await RouteAsync(a);

        Assert.Equal(1, a.Calls);
        Assert.Equal(AttemptOutcome.Skipped, Assert.Single(result.Attempts).Outcome);
        Assert.Equal(until, result.RetryAt);
    }

    [Fact]
    public async Task Route_SameSourceListedTwice_CalledOnce()
    {
        var a = FakeQuoteSource.Failing("a");

        var result = await RouteAsync(a, a, a);

        Assert.Equal(1, a.Calls);
        Assert.Single(result.Attempts);
    }

    [Fact]
    public async Task Route_DegradedSource_TriedAfterHealthyOne()
    {
        var a = FakeQuoteSource.Answering("a", 100m);
        var b = FakeQuoteSource.Answering("b", 200m);
        _health.RecordFailure("a", new UpstreamFailure(FailureKind.Timeout, "slow"), TimeSpan.Zero);

        var result = await RouteAsync(a, b);

        Assert.Equal("b", result.Source);
        Assert.Equal(0, a.Calls);
    }

    [Fact]
    public async Task Route_DisabledSource_TakesNoTraffic()
    {
        var a = FakeQuoteSource.Answering("a", 100m);
        var b = FakeQuoteSource.Answering("b", 200m);
        _disabledNames.Add("a");

        var result = await RouteAsync(a, b);

        Assert.Equal("b", result.Source);
        Assert.Equal(0, a.Calls);
        Assert.DoesNotContain(result.Attempts, x => x.Source == "a");
    }

    [Fact]
    public async Task Route_EverySourceNotListed_ReportedAsNotListedAnywhere()
    {
        var result = await RouteAsync(FakeQuoteSource.Failing("a", FailureKind.NotListed),
            FakeQuoteSource.Failing("b", FailureKind.NotListed));

        Assert.False(result.IsSuccess);
        Assert.True(result.NotListedAnywhere);
        Assert.Equal(SourceState.Healthy, _health.StateOf("a"));
    }

    [Fact]
    public async Task Route_AdapterThrows_CountedAsThatSourcesFailureAndNextServes()
    {
        var broken = new FakeQuoteSource("a", () => throw new KeyNotFoundException("adapter bug"));
        var b = FakeQuoteSource.Answering("b", 200m);

        var result = await RouteAsync(broken, b);

        Assert.Equal("b", result.Source);
        Assert.Equal(AttemptOutcome.Failure, result.Attempts[0].Outcome);
        Assert.Contains("KeyNotFoundException", result.Attempts[0].Reason, StringComparison.Ordinal);
        Assert.Equal(1, _health.Snapshot("a")!.ConsecutiveFailures);
    }

    [Fact]
    public async Task Route_AllFail_FailedWithEveryAttempt()
    {
        var result = await RouteAsync(FakeQuoteSource.Failing("a"), FakeQuoteSource.Failing("b", FailureKind.Timeout));

        Assert.False(result.IsSuccess);
        Assert.False(result.NotListedAnywhere);
        Assert.Equal(["a", "b"], result.Attempts.Select(x => x.Source));
    }

    private Task<RoutedResult<Quote>> RouteAsync(params FakeQuoteSource[] candidates)
    {
        var catalog = new SourceCatalog(candidates.DistinctBy(c => c.Name), candidates, [], [], [], [], [], [],
            new StaticOptions<SourceOptions>(new SourceOptions(),
                name => _disabledNames.Contains(name) ? _disabled : new SourceOptions()));
        var router = new SourceRouter(_health, catalog, _clock, TestTelemetry.Metrics(), new ActivityFeed(_clock),
            NullLogger<SourceRouter>.Instance);
        return router.RouteAsync("quote", "BTC/USD", candidates,
            (source, token) => source.GetQuoteAsync(new("BTC", "USD"), token), CancellationToken.None);
    }
}
