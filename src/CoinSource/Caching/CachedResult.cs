using CoinSource.Routing;

namespace CoinSource.Caching;

/// <summary>What the cache hands back: a value with where it came from and how old it is, or the failure trace.</summary>
public sealed class CachedResult<T>
{
    public required RoutedResult<T> Routed { get; init; }

    /// <summary>The value to answer with: fresh, cached or stale. Null when there is nothing to serve.</summary>
    public T? Value { get; init; }

    /// <summary>The source that produced <see cref="Value"/>.</summary>
    public string? Source { get; init; }

    /// <summary>Served from the cache without a call to any source.</summary>
    public bool FromCache { get; init; }

    /// <summary>Every source failed and this is the last good value, older than its time to live.</summary>
    public bool Stale { get; init; }

    /// <summary>Time since the value was fetched from its source.</summary>
    public TimeSpan Age { get; init; }

    public DateTimeOffset? FetchedAt { get; init; }

    public bool HasValue => Source is not null;
}
