using System.Diagnostics;
using System.Text;

namespace CoinSource.Bench.Harness;

/// <summary>
/// A process started by the bench, with its output drained as it comes (a full pipe would stall a chatty server)
/// and kept for parsing or for explaining a failed start. Disposing it kills it and its descendants.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputGate = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything written to stdout and stderr so far, interleaved as it arrived.</summary>
    public string Output
    {
        get
        {
            lock (_outputGate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The last lines of output, for an error message.</summary>
    public string Tail(int lines = 20) =>
        string.Join('\n', Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));

    public static ChildProcess Start(ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = false;

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new BenchSetupException($"cannot start {start.FileName}: {e.Message}", e);
        }

        ChildProcesses.Track(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the process to end by itself; cancellation kills it.</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            ChildProcesses.Stop(_process);
            throw;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to end by itself.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public void Dispose()
    {
        ChildProcesses.Stop(_process);
        ChildProcesses.Forget(_process);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            _output.Append(line).Append('\n');
        }
    }
}
