using System.Reflection;
using System.Runtime.InteropServices;

namespace CoinSource.Bench.Harness;

/// <summary>Where the CoinSource server this bench was built with lives, and the dotnet host to run it.</summary>
public static class ServerBuild
{
    /// <summary>CoinSource.dll in the server's own build output, recorded by the bench's project file.</summary>
    public static string ServerDll
    {
        get
        {
            string? path = typeof(ServerBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "CoinSourceServerPath")?.Value;
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new BenchSetupException(
                    $"the CoinSource server build is missing ({path}); run bench/run, which builds it");
            }

            return path;
        }
    }

    /// <summary>True when the server was built in Release, the only configuration whose figures mean much.</summary>
    public static bool IsRelease =>
        ServerDll.Split(Path.DirectorySeparatorChar).Contains("Release", StringComparer.Ordinal);

    /// <summary>
    /// The dotnet host of the runtime this bench runs on: the bench may itself run through an apphost, and the
    /// server must run on the same runtime for the comparison to hold.
    /// </summary>
    public static string DotnetHost
    {
        get
        {
            string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            string host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(host) ? host : "dotnet";
        }
    }
}
