using CoinSource.FakeUpstreams;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.TestSupport;

/// <summary>
/// What an adapter needs, wired to the fake upstream server over real HTTP but outside the application: the real
/// safe client, a fake clock standing at the fake market's time, and every source's address pointed at the fake.
/// </summary>
public sealed class AdapterHarness : IAsyncDisposable
{
    private readonly HttpClient _client = new();

    private AdapterHarness(FakeUpstreamServer upstream)
    {
        Upstream = upstream;
        Time = new FakeTimeProvider(upstream.Market.Now);
        // A long attempt timeout: these tests are about formats and envelopes, and the machine may be loaded.
        var patient = new UpstreamOptions { AttemptTimeout = TimeSpan.FromSeconds(30) };
        Http = new SafeHttpClient(_client, new StaticOptions<UpstreamOptions>(_ => patient), TimeProvider.System);
        // Every source gets a key, as an operator with every feature configured would give it: fakes of keyed
        // upstreams refuse a call without one, as the real ones do.
        Sources = new StaticOptions<SourceOptions>(name =>
            new SourceOptions { BaseUrl = upstream.BaseUrl(name), ApiKey = "adapter-harness-key" });
    }

    public FakeUpstreamServer Upstream { get; }

    public FakeTimeProvider Time { get; }

    public SafeHttpClient Http { get; }

    public StaticOptions<SourceOptions> Sources { get; }

    public static async Task<AdapterHarness> StartAsync() => new(await FakeUpstreamServer.StartAsync());

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Upstream.DisposeAsync();
    }
}
