using System.Diagnostics;
using System.Globalization;
using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Configuration;
using CoinSource.Sources;

namespace CoinSource.Bench.Harness;

/// <summary>
/// The real CoinSource server as a separate process, from its Release build, on 127.0.0.1 and a free port, with
/// every registered source pointed at the fake upstream. Disposing it kills it.
/// </summary>
public sealed class CoinSourceProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Variables the server reads (or that would reroute its upstream calls) are never inherited from the shell
    // that runs the bench: each run configures exactly what it measures.
    private static readonly string[] ScrubbedPrefixes =
        ["SOURCE_", "UPSTREAM_", "HEALTH_", "CACHE_", "LOG_", "ASPNETCORE_"];
    private static readonly string[] ScrubbedNames =
    [
        "HOST", "PORT", "DOTNET_URLS", "http_proxy", "https_proxy", "all_proxy", "no_proxy",
        "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY",
    ];

    private readonly ChildProcess _process;
    private readonly DirectoryInfo _workingDirectory;

    private CoinSourceProcess(ChildProcess process, DirectoryInfo workingDirectory, Uri baseAddress)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the server wrote to its console so far.</summary>
    public string Output => _process.Output;

    /// <summary>The server's resident memory now (VmRSS), from /proc; null where /proc is missing.</summary>
    public long? WorkingSetBytes => ProcStatus("VmRSS:");

    /// <summary>The most resident memory the server has had since it started (VmHWM), from /proc.</summary>
    public long? PeakWorkingSetBytes => ProcStatus("VmHWM:");

    /// <summary>Starts the server and returns once it answers its liveness probe.</summary>
    /// <param name="upstream">The fake every source is pointed at.</param>
    /// <param name="settings">Environment variables on top of host, port, source URLs, LOG_LEVEL=warning and no
    /// inbound rate limit.</param>
    /// <param name="cancellationToken">Stops waiting (and the server) on Ctrl+C.</param>
    public static async Task<CoinSourceProcess> StartAsync(FakeUpstreamServer upstream,
        IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        int port = FreePort.Next();
        // An empty working directory: no .env or appsettings from wherever the bench was started is picked up.
        var workingDirectory = Directory.CreateTempSubdirectory("coinsource-bench-server-");
        var start = new ProcessStartInfo(ServerBuild.DotnetHost)
        {
            WorkingDirectory = workingDirectory.FullName,
            ArgumentList = { ServerBuild.ServerDll },
        };
        Configure(start.Environment, upstream, port, settings);

        var process = ChildProcess.Start(start);
        var server = new CoinSourceProcess(process, workingDirectory, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilLiveAsync(cancellationToken);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        _workingDirectory.Delete(recursive: true);
    }

    private static void Configure(IDictionary<string, string?> environment, FakeUpstreamServer upstream, int port,
        IReadOnlyDictionary<string, string> settings)
    {
        foreach (string name in environment.Keys.Where(IsScrubbed).ToList())
        {
            environment.Remove(name);
        }

        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["HOST"] = "127.0.0.1";
        environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        environment["LOG_LEVEL"] = "warning";

        // Every request of a benchmark comes from one client address: the per-client budget would answer 429.
        environment["RATE_LIMIT_PER_MINUTE"] = "0";
        foreach (string source in SourceRegistry.Names)
        {
            environment[Settings.SourceUrlVariable(source)] = upstream.BaseUrl(source).AbsoluteUri;

            // The fake upstream has no free tier to protect; a budget would turn measured calls into skips.
            environment[Settings.SourceBudgetVariable(source)] = "none";
        }

        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }
    }

    private long? ProcStatus(string field)
    {
        string path = $"/proc/{_process.Id}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        string? line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        string[]? parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is [_, var kilobytes, "kB"] ? long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024 : null;
    }

    private static bool IsScrubbed(string name) =>
        ScrubbedNames.Contains(name, StringComparer.Ordinal)
        || ScrubbedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private async Task WaitUntilLiveAsync(CancellationToken cancellationToken)
    {
        using var client = BenchHttp.CreateClient(BaseAddress, TimeSpan.FromSeconds(2));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new BenchSetupException(
                    $"the CoinSource server exited with code {_process.ExitCode} at start:\n{_process.Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative),
                    cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening, but too busy starting to answer within the probe's timeout.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new BenchSetupException($"the CoinSource server did not answer /health/live within "
            + $"{StartTimeout.TotalSeconds} s:\n{_process.Tail()}");
    }
}
