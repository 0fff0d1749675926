using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CoinSource.Tests.TestSupport;

/// <summary>
/// A PostgreSQL server of the test run's own, on 127.0.0.1 and a free port, in a temporary data folder; started on
/// first use and removed when the test process ends. The server refuses to run as root, so when the tests run as
/// root it runs as the postgres system user. Each test asks for a database of its own.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer?>> Shared = new(StartAsync);
    private static readonly string[] VersionFolders = ["18", "17", "16", "15", "14", "13"];

    private readonly string _dataFolder;
    private readonly string _bin;
    private int _databases;

    private PostgresServer(string bin, string dataFolder, int port)
    {
        _bin = bin;
        _dataFolder = dataFolder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The folder of the PostgreSQL programs, or null when they are not installed.</summary>
    public static string? BinFolder =>
        VersionFolders.Select(v => $"/usr/lib/postgresql/{v}/bin").FirstOrDefault(d => File.Exists($"{d}/pg_ctl"));

    /// <summary>The running server, or a skip (a failure under CI) when PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer> RequireAsync()
    {
        Requires.That(BinFolder is not null, "PostgreSQL is not installed (/usr/lib/postgresql/<version>/bin)");
        var server = await Shared.Value;
        Requires.That(server is not null, "PostgreSQL did not start");
        return server!;
    }

    /// <summary>A new empty database and the connection string to it.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        string name = $"coinsource_test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=30;Command Timeout=60";

    private static async Task<PostgresServer?> StartAsync()
    {
        string? bin = BinFolder;
        if (bin is null)
        {
            return null;
        }

        string data = Path.Combine(Path.GetTempPath(), $"coinsource-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        bool root = Environment.UserName == "root";
        if (root)
        {
            await RunAsync("chown", "postgres:postgres", data);
        }

        int port = FreePort();
        var server = new PostgresServer(bin, data, port);
        await AsServerUserAsync(root, $"{bin}/initdb", "-D", $"{data}/db", "-U", "postgres",
            "--auth=trust", "--no-sync", "-E", "UTF8");
        await AsServerUserAsync(root, $"{bin}/pg_ctl", "-D", $"{data}/db", "-l", $"{data}/server.log", "-w",
            "-t", "120", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={data} -c fsync=off "
            + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(root);
        return server;
    }

    private void Stop(bool root)
    {
        try
        {
            var stop = Command(root, $"{_bin}/pg_ctl", "-D", $"{_dataFolder}/db", "-m", "immediate", "-w", "stop");
            using var process = Process.Start(stop)!;
            process.WaitForExit(30_000);
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException
                                      or System.ComponentModel.Win32Exception)
        {
            // The process is ending; a folder left in the temporary directory is all that can go wrong.
        }
    }

    private static Task AsServerUserAsync(bool root, string program, params string[] args)
    {
        var start = Command(root, program, args);
        return RunAsync(start.FileName, [.. start.ArgumentList]);
    }

    private static ProcessStartInfo Command(bool root, string program, params string[] args)
    {
        var start = root ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. args])
            : new ProcessStartInfo(program, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {error} {await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
