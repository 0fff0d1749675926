using CoinSource.FakeUpstreams;
using CoinSource.Sharing;
using CoinSource.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoinSource.Tests.TestSupport;

/// <summary>
/// Two CoinSource instances, "a" and "b", on their own ports, sharing one Redis (under a key prefix of their own)
/// and the same fake upstreams. Ready once both are connected and listen to each other.
/// </summary>
public sealed class InstancePair : IAsyncDisposable
{
    private InstancePair(CoinSourceHost a, CoinSourceHost b)
    {
        A = a;
        B = b;
        ClientA = a.Client();
        ClientB = b.Client();
    }

    public CoinSourceHost A { get; }

    public CoinSourceHost B { get; }

    public HttpClient ClientA { get; }

    public HttpClient ClientB { get; }

    public static async Task<InstancePair> StartAsync(FakeUpstreamServer upstream, string redis,
        IReadOnlyDictionary<string, string?>? settings = null, IReadOnlyCollection<string>? only = null)
    {
        string prefix = $"test-{Guid.NewGuid():N}";
        var pair = new InstancePair(Host(upstream, redis, prefix, "a", settings, only),
            Host(upstream, redis, prefix, "b", settings, only));
        await Eventually.TrueAsync(() => Listening(pair.A) && Listening(pair.B), "both instances listen to Redis");
        return pair;
    }

    public static CoinSourceHost Host(FakeUpstreamServer upstream, string redis, string prefix, string instance,
        IReadOnlyDictionary<string, string?>? settings = null, IReadOnlyCollection<string>? only = null)
    {
        var all = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["REDIS_CONNECTION_STRING"] = redis,
            ["REDIS_KEY_PREFIX"] = prefix,
            ["INSTANCE_NAME"] = instance,

            // Generous for a loaded machine: a slow command must not look like a lost Redis.
            ["REDIS_TIMEOUT_MS"] = "5000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new CoinSourceHost(upstream, all, only: only);
    }

    public static bool Listening(CoinSourceHost host) =>
        host.Services.GetServices<IHostedService>().OfType<SharingService>().Single().Listening;

    public static RedisLink Link(CoinSourceHost host) => host.Services.GetRequiredService<RedisLink>();

    public static IReadOnlyList<ActivityEvent> Activity(CoinSourceHost host) =>
        host.Services.GetRequiredService<ActivityFeed>().Recent(500);

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
