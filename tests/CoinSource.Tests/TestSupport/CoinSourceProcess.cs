using System.Diagnostics;
using System.Globalization;
using CoinSource.Configuration;
using CoinSource.FakeUpstreams;
using CoinSource.Sources;

namespace CoinSource.Tests.TestSupport;

/// <summary>
/// The real program as a child process on 127.0.0.1 and a free port, every source pointed at the fake upstreams.
/// Unlike an in-process host it can die the way a server dies: killed with SIGKILL, its sockets reset by the kernel.
/// </summary>
public sealed class CoinSourceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private CoinSourceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <param name="upstream">The fake upstreams.</param>
    /// <param name="only">The sources left enabled.</param>
    /// <param name="settings">Further environment variables.</param>
    public static async Task<CoinSourceProcess> StartAsync(FakeUpstreamServer upstream, IReadOnlyCollection<string> only,
        IReadOnlyDictionary<string, string> settings)
    {
        int port = RedisServer.FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CoinSource.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["HOST"] = "127.0.0.1";
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["ENV_FILE"] = Path.Combine(Path.GetTempPath(), $"no-env-{Guid.NewGuid():N}");
        foreach (string source in SourceRegistry.Names.Where(s => !SourceRegistry.InProcess.Contains(s)))
        {
            start.Environment[Settings.SourceUrlVariable(source)] = upstream.BaseUrl(source).AbsoluteUri;
            start.Environment[Settings.SourceBudgetVariable(source)] = "none";
            start.Environment[Settings.SourceEnabledVariable(source)] = only.Contains(source) ? "true" : "false";
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new CoinSourceProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await instance.WaitUntilLiveAsync();
        return instance;
    }

    /// <summary>Kills the process with SIGKILL: no shutdown, no goodbye to Redis or to clients.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>GETs <paramref name="path"/>; null when the process does not answer (yet).</summary>
    public async Task<Answer?> TryGetAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            return await Answer.GetAsync(client, path);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private async Task WaitUntilLiveAsync()
    {
        var watch = Stopwatch.StartNew();
        while ((await TryGetAsync("/health/live"))?.Status != System.Net.HttpStatusCode.OK)
        {
            Assert.False(_process.HasExited, $"CoinSource at {Address} exited at start");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"CoinSource at {Address} did not start");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
