using System.Text.Json;
using CoinSource.Caching;
using StackExchange.Redis;

namespace CoinSource.Sharing;

/// <summary>
/// The cache level that every instance shares: a fresh upstream answer is written with its source and fetch time
/// and expires with its time to live, so another instance answers from it without calling any source.
/// </summary>
public sealed class RedisSharedCache(RedisLink link) : ISharedCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<SharedEntry<T>?> FindAsync<T>(string key, CancellationToken cancellationToken)
    {
        RedisValue stored = await link.TryAsync(db => db.StringGetAsync(CacheKey(key)));
        if (stored.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope<T>>((string)stored!, Json);
            return envelope is { Value: not null, Source: not null }
                ? new(envelope.Value, envelope.Source, envelope.FetchedAt)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // Written by another version of CoinSource: a miss, and the next fresh answer replaces it.
            return null;
        }
    }

    public void Offer<T>(string key, T value, string source, DateTimeOffset fetchedAt, TimeSpan ttl)
    {
        if (link.Database is null)
        {
            return;
        }

        string json = JsonSerializer.Serialize(new Envelope<T>(value, source, fetchedAt), Json);
        _ = link.TryAsync(db => db.StringSetAsync(CacheKey(key), json, ttl));
    }

    private RedisKey CacheKey(string key) => link.Key($"cache:{key}");

    private sealed record Envelope<T>(T Value, string Source, DateTimeOffset FetchedAt);
}
