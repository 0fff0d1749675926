using CoinSource.Caching;
using CoinSource.Routing;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Caching;

public sealed class MarketCacheTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CacheOptions _options = new();
    private readonly MarketCache _cache;
    private int _fetches;

    public MarketCacheTests() =>
        _cache = new MarketCache(_clock, new StaticOptions<CacheOptions>(_options), TestTelemetry.Metrics());

    [Fact]
    public async Task Get_WithinTtl_AnsweredFromCacheWithAge()
    {
        await GetAsync(Served(1));
        _clock.Advance(TimeSpan.FromSeconds(9));

        var second = await GetAsync(Served(2));

        Assert.Equal(1, _fetches);
        Assert.Equal(1, second.Value);
        Assert.True(second.FromCache);
        Assert.False(second.Stale);
        Assert.Equal(TimeSpan.FromSeconds(9), second.Age);
        Assert.Empty(second.Routed.Attempts);
    }

    [Fact]
    public async Task Get_AfterTtl_FetchesAgain()
    {
        await GetAsync(Served(1));
        _clock.Advance(Ttl);

        var second = await GetAsync(Served(2));

        Assert.Equal(2, _fetches);
        Assert.Equal(2, second.Value);
        Assert.False(second.FromCache);
    }

    [Fact]
    public async Task Get_EverySourceFails_ServesLastGoodAsStaleWithAge()
    {
        await GetAsync(Served(1));
        _clock.Advance(TimeSpan.FromMinutes(3));

        var result = await GetAsync(Failed());

        Assert.True(result.Stale);
        Assert.Equal(1, result.Value);
        Assert.Equal("a", result.Source);
        Assert.Equal(TimeSpan.FromMinutes(3), result.Age);
        Assert.Equal(AttemptOutcome.Failure, Assert.Single(result.Routed.Attempts).Outcome);
    }

    [Fact]
    public async Task Get_LastGoodOlderThanMaxStaleAge_NothingToServe()
    {
        _options.MaxStaleAge = TimeSpan.FromHours(1);
        await GetAsync(Served(1));
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        var result = await GetAsync(Failed());

        Assert.False(result.HasValue);
    }

    [Fact]
    public async Task Get_NotListedAnywhere_NoStaleFallback()
    {
        await GetAsync(Served(1));
        _clock.Advance(Ttl);

        var result = await GetAsync(_ => Task.FromResult(RoutedResult<int>.Failed(
            [new Attempt("a", AttemptOutcome.NotListed, "delisted", 1)], null)));

        Assert.False(result.HasValue);
    }

    [Fact]
    public async Task Get_ConcurrentMisses_ShareOneFetch()
    {
        var gate = new TaskCompletionSource();
        Func<CancellationToken, Task<RoutedResult<int>>> slow = async _ =>
        {
            Interlocked.Increment(ref _fetches);
            await gate.Task;
            return RoutedResult<int>.Served(7, "a", []);
        };

        var callers = Enumerable.Range(0, 500).Select(_ => _cache.GetAsync("quote", "k", Ttl, slow, CancellationToken.None))
            .ToList();
        gate.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, _fetches);
        Assert.All(results, r => Assert.Equal(7, r.Value));
    }

    [Fact]
    public async Task Get_EveryWaiterLeaves_FetchIsCancelled()
    {
        var fetchToken = new TaskCompletionSource<CancellationToken>();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        Func<CancellationToken, Task<RoutedResult<int>>> hang = async token =>
        {
            fetchToken.SetResult(token);
            await Task.Delay(Timeout.Infinite, token);
            return RoutedResult<int>.Served(1, "a", []);
        };

        var a = _cache.GetAsync("quote", "k", Ttl, hang, first.Token);
        var b = _cache.GetAsync("quote", "k", Ttl, hang, second.Token);
        var token = await fetchToken.Task;
        first.Cancel();
        Assert.False(token.IsCancellationRequested);
        second.Cancel();

        Assert.True(token.IsCancellationRequested);
        Assert.True((await a).Routed.WasCancelled);
        Assert.True((await b).Routed.WasCancelled);
    }

    [Fact]
    public async Task Get_OneWaiterLeaves_OthersStillGetTheAnswer()
    {
        var gate = new TaskCompletionSource();
        using var leaving = new CancellationTokenSource();
        Func<CancellationToken, Task<RoutedResult<int>>> slow = async _ =>
        {
            await gate.Task;
            return RoutedResult<int>.Served(5, "a", []);
        };

        var gone = _cache.GetAsync("quote", "k", Ttl, slow, leaving.Token);
        var staying = _cache.GetAsync("quote", "k", Ttl, slow, CancellationToken.None);
        await leaving.CancelAsync();
        gate.SetResult();

        Assert.True((await gone).Routed.WasCancelled);
        Assert.Equal(5, (await staying).Value);
    }

    private Task<CachedResult<int>> GetAsync(Func<CancellationToken, Task<RoutedResult<int>>> fetch) =>
        _cache.GetAsync("quote", "k", Ttl, fetch, CancellationToken.None);

    private Func<CancellationToken, Task<RoutedResult<int>>> Served(int value) => _ =>
    {
        _fetches++;
        return Task.FromResult(RoutedResult<int>.Served(value, "a", [new Attempt("a", AttemptOutcome.Success, null, 1)]));
    };

    private static Func<CancellationToken, Task<RoutedResult<int>>> Failed() => _ =>
        Task.FromResult(RoutedResult<int>.Failed([new Attempt("a", AttemptOutcome.Failure, "HTTP 500", 1)], null));
}
