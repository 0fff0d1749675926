using System.Net;
using CoinSource.Configuration;
using CoinSource.FakeUpstreams;
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
    private readonly string? _ownDatabase;

    /// <param name="upstream">The fake upstreams every source points at.</param>
    /// <param name="settings">Environment settings to add or override.</param>
    /// <param name="time">A fake clock, or null for the real one.</param>
    /// <param name="only">When given, every other source is disabled, so a test knows its candidates exactly.</param>
    public CoinSourceHost(FakeUpstreamServer upstream, IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? time = null, IReadOnlyCollection<string>? only = null)
    {
        _upstream = upstream;
        _time = time;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            // Generous, so that a loaded machine does not turn answers into timeouts; tests of timeouts set their own.
            ["UPSTREAM_TIMEOUT_MS"] = "10000",
            ["LOG_LEVEL"] = "debug",
        };
        foreach (string source in SourceRegistry.Names)
        {
            // Free-tier budgets would ration a test's burst of calls; tests of budgets set their own.
            _settings[Settings.SourceBudgetVariable(source)] = "none";
        }

        foreach (string source in SourceRegistry.Names.Where(n => only is not null && !only.Contains(n)))
        {
            _settings[Settings.SourceEnabledVariable(source)] = "false";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // Each host keeps its history in a file of its own, deleted with it, unless the test names one to share.
        if (!_settings.ContainsKey("STORAGE_SQLITE_PATH"))
        {
            _ownDatabase = TempDatabase.NewPath();
            _settings["STORAGE_SQLITE_PATH"] = _ownDatabase;
        }

        // Listening is configured on Kestrel itself: UseKestrel(port) rewrites the server addresses while Kestrel
        // binds, which fails now and then under load.
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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownDatabase is not null)
        {
            TempDatabase.Delete(_ownDatabase);
        }
    }

    /// <summary>Every captured log line, formatted, for searching.</summary>
    public string LogText() => string.Join('\n', Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message}"));
}
