namespace CoinSource.Caching;

/// <summary>
/// A second cache level shared by several instances. Looked at on a local miss, before any source is called;
/// given every fresh upstream answer. Both calls are cheap when sharing is off or down.
/// </summary>
public interface ISharedCache
{
    /// <summary>A value another instance fetched that has not expired yet, or null.</summary>
    ValueTask<SharedEntry<T>?> FindAsync<T>(string key, CancellationToken cancellationToken);

    /// <summary>Offers a fresh answer to the other instances; does not wait for them.</summary>
    void Offer<T>(string key, T value, string source, DateTimeOffset fetchedAt, TimeSpan ttl);
}

/// <summary>A value from the shared cache, with the source that produced it and when.</summary>
public sealed record SharedEntry<T>(T Value, string Source, DateTimeOffset FetchedAt);

/// <summary>One instance alone: nothing is shared.</summary>
public sealed class NoSharedCache : ISharedCache
{
    public static NoSharedCache Instance { get; } = new();

    public ValueTask<SharedEntry<T>?> FindAsync<T>(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult<SharedEntry<T>?>(null);

    public void Offer<T>(string key, T value, string source, DateTimeOffset fetchedAt, TimeSpan ttl)
    {
    }
}
