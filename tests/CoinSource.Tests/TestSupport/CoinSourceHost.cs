using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Hosting;
using CoinSource.Sources;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.TestSupport;

/// <summary>
/// The real CoinSource application on Kestrel, bound to a free port on 127.0.0.1, with every source pointed at a
/// fake upstream server. Its logs are captured for assertions.
/// </summary>
public sealed class CoinSourceHost : WebApplicationFactory<Program>
{
    private readonly FakeUpstreamServer _upstream;
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;

    public CoinSourceHost(FakeUpstreamServer upstream, IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? time = null)
    {
        _upstream = upstream;
        _time = time;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            // Short timeouts keep failure tests quick; tests that measure timing set their own.
            ["UPSTREAM_TIMEOUT_MS"] = "1000",
            ["LOG_LEVEL"] = "debug",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // Kestrel binds its own listener: UseKestrel(port) rewrites the addresses and races the bind under load.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>
    /// A host whose clock stands at the fake market's time, so the fake's candles end "now", and whose upstream
    /// timeout is long enough for a loaded machine: for tests of what the sources serve, not of how they fail.
    /// </summary>
    public static CoinSourceHost AtMarketTime(FakeUpstreamServer upstream) =>
        new(upstream, new Dictionary<string, string?> { ["UPSTREAM_TIMEOUT_MS"] = "30000" },
            new FakeTimeProvider(upstream.Market.Now));

    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    /// <summary>A client of the real server, over a real socket.</summary>
    public HttpClient Client()
    {
        StartServer();
        return CreateClient();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (string source in SourceRegistry.Names)
        {
            builder.UseSetting(Settings.SourceUrlVariable(source), _upstream.BaseUrl(source).AbsoluteUri);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddFakeLogging());
        if (_time is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(_time)));
        }
    }

    /// <summary>Every captured log line, formatted, for searching.</summary>
    public string LogText() => string.Join('\n', Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message}"));

    /// <summary>Waits (on the real clock) for the server to answer; used only at start-up.</summary>
    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
