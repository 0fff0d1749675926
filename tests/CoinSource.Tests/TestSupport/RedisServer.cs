using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoinSource.Tests.TestSupport;

/// <summary>
/// A real redis-server as a child process on 127.0.0.1 and a free port, with nothing written to disk. It can be
/// killed and started again on the same port, to test an instance that loses Redis and gets it back.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(string binary, int port)
    {
        Binary = binary;
        Port = port;
    }

    /// <summary>The redis-server executable, or null when it is not installed.</summary>
    public static string? Find() => Requires.Executable("redis-server", "/usr/bin/redis-server");

    public string Binary { get; }

    public int Port { get; }

    /// <summary>The connection string CoinSource reads from REDIS_CONNECTION_STRING.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(string binary)
    {
        var server = new RedisServer(binary, FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Binary,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.TrueAsync(() => Answers("PING", "+PONG"), $"redis-server answers on port {Port}");
    }

    /// <summary>Kills the server at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Sends one inline command and checks the reply's first line.</summary>
    public bool Answers(string command, string expected)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.ReadTimeout = 2000;
            stream.Write(Encoding.ASCII.GetBytes(command + "\r\n"));
            var buffer = new byte[256];
            int read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith(expected, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}

/// <summary>One redis-server per test class; each test uses its own key prefix, so tests never see each other.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer? Server { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (RedisServer.Find() is { } binary)
        {
            Server = await RedisServer.StartAsync(binary);
        }
    }

    /// <summary>The running server; skips the test (fails it under CI) when redis-server is not installed.</summary>
    public RedisServer Require()
    {
        Requires.That(Server is not null, "redis-server is not installed (apt-get install redis-server)");
        return Server!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
