using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CoinSource.Bench.Harness;

/// <summary>
/// nginx on 127.0.0.1 serving one static file at one path, as the yardstick for CoinSource's cached answers: the
/// same bytes, at the same path, with the same content type. Everything it writes stays in a temp folder.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly ChildProcess _process;
    private readonly DirectoryInfo _folder;
    private readonly string _nginx;

    private NginxServer(ChildProcess process, DirectoryInfo folder, string nginx, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        _nginx = nginx;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/>, with that many workers.</summary>
    public static async Task<NginxServer> StartAsync(string path, byte[] body, int workers,
        CancellationToken cancellationToken)
    {
        string nginx = ExternalTool.Find("nginx", "nginx-light");
        int port = FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("coinsource-bench-nginx-");
        string file = Path.Combine(folder.FullName, "www", path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, body, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "nginx.conf"),
            Config(folder.FullName, port, workers), cancellationToken);

        var server = new NginxServer(ChildProcess.Start(Command(nginx, folder.FullName)), folder, nginx,
            new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilServingAsync(path, cancellationToken);
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
        // Asked to stop, the master stops and reaps its workers; killed outright, it would leave them as zombies.
        var stop = Command(_nginx, _folder.FullName);
        stop.ArgumentList.Add("-s");
        stop.ArgumentList.Add("stop");
        using (var signal = ChildProcess.Start(stop))
        {
            signal.WaitForExit(TimeSpan.FromSeconds(5));
        }

        _process.WaitForExit(TimeSpan.FromSeconds(5));
        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    private static ProcessStartInfo Command(string nginx, string folder) => new(nginx)
    {
        ArgumentList =
        {
            "-p", folder + "/",
            "-c", Path.Combine(folder, "nginx.conf"),
            "-e", Path.Combine(folder, "error.log"),
        },
    };

    private static string Config(string folder, int port, int workers)
    {
        // Run as root, nginx would hand its workers to 'nobody', who cannot read this private temp folder.
        string user = Environment.IsPrivilegedProcess ? "user root;\n" : "";
        string workerCount = workers.ToString(CultureInfo.InvariantCulture);

        // keepalive_requests is raised so that nginx, like Kestrel, keeps wrk's connections for the whole run
        // instead of closing each after 1000 requests: the comparison is of serving, not of reconnecting.
        return $$"""
            {{user}}worker_processes {{workerCount}};
            daemon off;
            pid {{folder}}/nginx.pid;
            events { worker_connections 4096; }
            http {
                access_log off;
                default_type application/json;
                sendfile on;
                keepalive_requests 1000000;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{folder}}/www;
                }
            }
            """;
    }

    private async Task WaitUntilServingAsync(string path, CancellationToken cancellationToken)
    {
        using var client = BenchHttp.CreateClient(BaseAddress, TimeSpan.FromSeconds(2));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new BenchSetupException($"nginx exited with code {_process.ExitCode} at start:\n{ErrorLog()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                throw new BenchSetupException($"nginx answered {(int)response.StatusCode} for {path}:\n{ErrorLog()}");
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        throw new BenchSetupException(
            $"nginx did not serve {path} within {StartTimeout.TotalSeconds} s:\n{ErrorLog()}");
    }

    private string ErrorLog()
    {
        string log = Path.Combine(_folder.FullName, "error.log");
        return (File.Exists(log) ? File.ReadAllText(log) : "") + _process.Tail();
    }
}
