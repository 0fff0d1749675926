using System.Collections.Concurrent;
using CoinSource.Routing;
using CoinSource.Telemetry;
using Microsoft.Extensions.Options;

namespace CoinSource.Caching;

/// <summary>
/// The cache in front of the router. A fresh entry answers without a call. Concurrent misses for the same key share
/// one routed fetch (single flight), which is cancelled only when every caller waiting for it has gone. When a
/// fetch fails and a last good value exists, that value is served, marked stale with its age.
/// </summary>
/// <remarks>
/// Written here rather than taken from a caching library because every expiry, age and staleness decision must
/// read the injected <see cref="TimeProvider"/>, so that tests drive it with a fake clock.
/// </remarks>
/// <param name="time">The clock of every expiry and age.</param>
/// <param name="options">Time to live per kind, stale limit, size.</param>
/// <param name="metrics">Where lookups are counted.</param>
/// <param name="shared">The level behind this one that other instances share; none when null.</param>
public sealed class MarketCache(TimeProvider time, IOptionsMonitor<CacheOptions> options, CoinSourceMetrics metrics,
    ISharedCache? shared = null)
{
    private readonly ISharedCache _shared = shared ?? NoSharedCache.Instance;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Flight> _flights = new(StringComparer.Ordinal);
    private readonly Lock _flightsGate = new();

    /// <summary>Answers from the cache, or routes a fetch shared by every concurrent caller of the same key.</summary>
    /// <param name="kind">The data kind, for metrics: quote, candles, top-coins.</param>
    /// <param name="key">Identifies the data; equal keys must mean equal answers.</param>
    /// <param name="ttl">How long a fetched value stays fresh.</param>
    /// <param name="fetch">Routes the request; receives a token that fires when every waiting caller is gone.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task<CachedResult<T>> GetAsync<T>(string kind, string key, TimeSpan ttl,
        Func<CancellationToken, Task<RoutedResult<T>>> fetch, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached) && now - cached.FetchedAt < ttl)
        {
            metrics.CacheLookup(kind, "hit");
            return FromEntry<T>(cached, RoutedResult<T>.NotRouted, now, fromCache: true, stale: false);
        }

        if (ttl > TimeSpan.Zero && await _shared.FindAsync<T>(key, cancellationToken) is { } found
            && now - found.FetchedAt < ttl)
        {
            // Kept locally with the original fetch time, so its age stays true on this instance too.
            var entry = new Entry(found.Value!, found.Source, found.FetchedAt);
            Store(key, entry);
            metrics.CacheLookup(kind, "shared-hit");
            return FromEntry<T>(entry, RoutedResult<T>.NotRouted, now, fromCache: true, stale: false);
        }

        metrics.CacheLookup(kind, "miss");
        var routed = await JoinFlightAsync(key, ttl, fetch, cancellationToken);
        now = time.GetUtcNow();
        if (routed.IsSuccess)
        {
            return new CachedResult<T>
            {
                Routed = routed, Value = routed.Value, Source = routed.Source, FetchedAt = now, Age = TimeSpan.Zero,
            };
        }

        if (_entries.TryGetValue(key, out var lastGood) && now - lastGood.FetchedAt <= options.CurrentValue.MaxStaleAge
            && !routed.NotListedAnywhere)
        {
            metrics.CacheLookup(kind, "stale");
            return FromEntry(lastGood, routed, now, fromCache: true, stale: true);
        }

        return new CachedResult<T> { Routed = routed };
    }

    private static CachedResult<T> FromEntry<T>(Entry entry, RoutedResult<T> routed, DateTimeOffset now,
        bool fromCache, bool stale) =>
        new()
        {
            Routed = routed,
            Value = (T)entry.Value,
            Source = entry.Source,
            FromCache = fromCache,
            Stale = stale,
            FetchedAt = entry.FetchedAt,
            Age = now - entry.FetchedAt,
        };

    private async Task<RoutedResult<T>> JoinFlightAsync<T>(string key, TimeSpan ttl,
        Func<CancellationToken, Task<RoutedResult<T>>> fetch, CancellationToken cancellationToken)
    {
        Flight? flight;
        Task<object> shared;
        lock (_flightsGate)
        {
            if (!_flights.TryGetValue(key, out flight) || flight.Abandoned)
            {
                flight = new Flight();
                _flights[key] = flight;
                flight.Task = RunFlightAsync(key, ttl, flight, fetch);
            }

            flight.Waiters++;
            shared = flight.Task!;
        }

        // Each waiter leaves once: from its cancellation callback, or here when that callback was unregistered
        // before it could run (the wait may end inside the same Cancel call).
        int left = 0;
        void LeaveOnce()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                Leave(flight);
            }
        }

        await using var registration = cancellationToken.Register(LeaveOnce);
        try
        {
            return (RoutedResult<T>)await shared.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LeaveOnce();
            return RoutedResult<T>.Failed([new Attempt("client", AttemptOutcome.Cancelled, "the caller went away", 0)], null);
        }
    }

    private async Task<object> RunFlightAsync<T>(string key, TimeSpan ttl, Flight flight,
        Func<CancellationToken, Task<RoutedResult<T>>> fetch)
    {
        try
        {
            // Yield so that the flight is registered before the fetch runs on another thread.
            await Task.Yield();
            var routed = await fetch(flight.Cancellation.Token);
            if (routed.IsSuccess)
            {
                var entry = new Entry(routed.Value, routed.Source, time.GetUtcNow());
                Store(key, entry);
                if (ttl > TimeSpan.Zero)
                {
                    _shared.Offer(key, routed.Value, routed.Source, entry.FetchedAt, ttl);
                }
            }

            return routed;
        }
        finally
        {
            lock (_flightsGate)
            {
                if (_flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight))
                {
                    _flights.Remove(key);
                }

                flight.Done = true;
                flight.Cancellation.Dispose();
            }
        }
    }

    private void Leave(Flight flight)
    {
        lock (_flightsGate)
        {
            flight.Waiters--;
            if (flight.Waiters > 0 || flight.Done)
            {
                return;
            }

            // Nobody waits for this answer any more: stop the upstream call.
            flight.Abandoned = true;
            flight.Cancellation.Cancel();
        }
    }

    private void Store(string key, Entry entry)
    {
        _entries[key] = entry;
        int max = options.CurrentValue.MaxEntries;
        if (_entries.Count <= max)
        {
            return;
        }

        foreach (var old in _entries.OrderBy(e => e.Value.FetchedAt).Take(_entries.Count - max).ToList())
        {
            _entries.TryRemove(old);
        }
    }

    private sealed record Entry(object Value, string Source, DateTimeOffset FetchedAt);

    private sealed class Flight
    {
        public CancellationTokenSource Cancellation { get; } = new();

        public Task<object>? Task { get; set; }

        public int Waiters { get; set; }

        public bool Abandoned { get; set; }

        public bool Done { get; set; }
    }
}
