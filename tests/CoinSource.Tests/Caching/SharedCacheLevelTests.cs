using CoinSource.Caching;
using CoinSource.Routing;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Caching;

/// <summary>The shared level behind the local cache, on a fake clock with an in-memory stand-in for Redis.</summary>
public sealed class SharedCacheLevelTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly MemoryShared _shared = new();
    private readonly MarketCache _cache;
    private int _fetches;

    public SharedCacheLevelTests() =>
        _cache = new MarketCache(_clock, new StaticOptions<CacheOptions>(new CacheOptions()), TestTelemetry.Metrics(),
            _shared);

    [Fact]
    public async Task LocalMiss_SharedHasIt_AnsweredWithoutFetchWithTheOriginalAge()
    {
        _shared.Put("k", 7, "binance", _clock.GetUtcNow() - TimeSpan.FromSeconds(4));

        var result = await GetAsync(Ttl);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var again = await GetAsync(Ttl);

        Assert.Equal(0, _fetches);
        Assert.Equal(7, result.Value);
        Assert.Equal("binance", result.Source);
        Assert.True(result.FromCache);
        Assert.Equal(TimeSpan.FromSeconds(4), result.Age);
        Assert.Equal(1, _shared.Reads);

        // Kept locally with its fetch time: the second answer is local and 7 s old.
        Assert.Equal(TimeSpan.FromSeconds(7), again.Age);
    }

    [Fact]
    public async Task SharedEntryOlderThanTtlByThisClock_Ignored_Fetched()
    {
        _shared.Put("k", 7, "binance", _clock.GetUtcNow() - Ttl);

        var result = await GetAsync(Ttl);

        Assert.Equal(1, _fetches);
        Assert.False(result.FromCache);
        Assert.Equal(1, result.Value);
    }

    [Fact]
    public async Task FreshFetch_OfferedWithFetchTimeAndTtl()
    {
        await GetAsync(Ttl);

        var offer = Assert.Single(_shared.Offers);
        Assert.Equal(("k", (object)1, "a", _clock.GetUtcNow(), Ttl), offer);
    }

    [Fact]
    public async Task ZeroTtl_SharedNeitherAskedNorGiven()
    {
        _shared.Put("k", 7, "binance", _clock.GetUtcNow());

        var result = await GetAsync(TimeSpan.Zero);

        Assert.Equal(1, result.Value);
        Assert.Equal(0, _shared.Reads);
        Assert.Empty(_shared.Offers);
    }

    private Task<CachedResult<int>> GetAsync(TimeSpan ttl) =>
        _cache.GetAsync("quote", "k", ttl, _ =>
        {
            int value = Interlocked.Increment(ref _fetches);
            return Task.FromResult(RoutedResult<int>.Served(value, "a", []));
        }, TestContext.Current.CancellationToken);

    private sealed class MemoryShared : ISharedCache
    {
        private readonly Dictionary<string, (object Value, string Source, DateTimeOffset At)> _entries = [];

        public int Reads { get; private set; }

        public List<(string Key, object Value, string Source, DateTimeOffset At, TimeSpan Ttl)> Offers { get; } = [];

        public void Put(string key, object value, string source, DateTimeOffset at) => _entries[key] = (value, source, at);

        public ValueTask<SharedEntry<T>?> FindAsync<T>(string key, CancellationToken cancellationToken)
        {
            Reads++;
            return ValueTask.FromResult(_entries.TryGetValue(key, out var e)
                ? new SharedEntry<T>((T)e.Value, e.Source, e.At)
                : null);
        }

        public void Offer<T>(string key, T value, string source, DateTimeOffset fetchedAt, TimeSpan ttl) =>
            Offers.Add((key, value!, source, fetchedAt, ttl));
    }
}
