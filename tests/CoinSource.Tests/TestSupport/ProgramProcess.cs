using System.Diagnostics;

namespace CoinSource.Tests.TestSupport;

/// <summary>The real program started as a child process, bound to loopback, with the given variables.</summary>
public static class ProgramProcess
{
    public static Process Start(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        string app = Path.Combine(AppContext.BaseDirectory, "CoinSource.dll");
        var start = new ProcessStartInfo("dotnet", [app, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["HOST"] = "127.0.0.1";
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs to the end; the exit code and everything written to standard output and error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        using var process = Start(variables, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        string error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, error);
    }
}
