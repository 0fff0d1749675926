using System.Collections.Concurrent;
using System.Diagnostics;

namespace CoinSource.Bench.Harness;

/// <summary>
/// Every process the bench started and has not yet stopped, so that an exit by any path (Ctrl+C, SIGTERM, an
/// unexpected exception) leaves no server or nginx behind holding a port.
/// </summary>
public static class ChildProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    public static void Track(Process process) => Running[process.Id] = process;

    public static void Forget(Process process) => Running.TryRemove(process.Id, out _);

    public static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            Stop(process);
        }

        Running.Clear();
    }

    /// <summary>Kills a process and its descendants (nginx's workers), and waits briefly for them to go.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (InvalidOperationException)
        {
            // It was never started or has already been reaped: nothing left to stop.
        }
    }
}
