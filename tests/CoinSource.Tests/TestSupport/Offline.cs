using CoinSource.SafeHttp;
using CoinSource.Sources;

namespace CoinSource.Tests.TestSupport;

/// <summary>Constructor arguments for an adapter whose capabilities are checked without calling its upstream.</summary>
public static class Offline
{
    public static SafeHttpClient Http { get; } = new(new HttpClient(),
        new StaticOptions<UpstreamOptions>(_ => new UpstreamOptions()), TimeProvider.System);

    public static StaticOptions<SourceOptions> Sources { get; } = new(_ => new SourceOptions());
}
