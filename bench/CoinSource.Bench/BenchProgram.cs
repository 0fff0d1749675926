using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using CoinSource.Bench.Benchmarks;
using CoinSource.Bench.Chaos;
using CoinSource.Bench.Harness;
using CoinSource.Bench.Reporting;

namespace CoinSource.Bench;

/// <summary>
/// Runs the benchmarks: <c>throughput</c>, <c>stampede</c>, <c>failover</c>, ..., or <c>all</c>. Exits 0 whatever
/// the figures are; non-zero only when a benchmark could not be set up (2 for a wrong command line). The proof
/// suite (<c>proof [seconds]</c>: chaos, abuse, sweep) is the exception: it exits 3 when a figure misses its bar.
/// </summary>
public static class BenchProgram
{
    private static readonly IBenchmark[] Benchmarks =
        [
            new ThroughputBenchmark(), new StampedeBenchmark(), new FailoverBenchmark(), new ConsensusBenchmark(),
            new IndicatorBenchmark(), new StorageBenchmark(),
        ];

    private static readonly TimeSpan ChaosDuration = TimeSpan.FromSeconds(60);

    public static async Task<int> Main(string[] args)
    {
        string command = args.Length is 1 or 2 ? args[0] : "";
        var chaos = new ChaosBenchmark(ChaosDuration);
        if (args.Length == 2)
        {
            // Only the chaos run takes a length: a shorter smoke run, or a longer soak.
            if (command is not ("chaos" or "proof") || !int.TryParse(args[1], out int seconds) || seconds < 10)
            {
                PrintUsage();
                return 2;
            }

            chaos = new ChaosBenchmark(TimeSpan.FromSeconds(seconds));
        }

        IBenchmark[] proof = [chaos, new AbuseBenchmark(), new SweepBenchmark()];
        var selected = command switch
        {
            "all" => Benchmarks,
            "proof" => proof,
            _ => [.. Benchmarks.Concat(proof).Where(b => b.Name == command)],
        };
        if (selected.Length == 0)
        {
            PrintUsage();
            return 2;
        }

        using var stop = new CancellationTokenSource();
        // Ctrl+C and SIGTERM cancel the run, so that each benchmark's finally blocks stop the servers it started.
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Interrupt(c, stop));
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Interrupt(c, stop));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildProcesses.KillAll();

        try
        {
            return await RunAsync(selected, command == "proof", stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("bench: interrupted");
            return 130;
        }
        catch (BenchSetupException e)
        {
            await Console.Error.WriteLineAsync($"bench: broken set-up: {e.Message}");
            return 1;
        }
        finally
        {
            ChildProcesses.KillAll();
        }
    }

    private static void Interrupt(PosixSignalContext context, CancellationTokenSource stop)
    {
        context.Cancel = true;
        stop.Cancel();
    }

    private static async Task<int> RunAsync(IBenchmark[] selected, bool proof, CancellationToken cancellationToken)
    {
        Console.WriteLine($"CoinSource bench: {string.Join(", ", selected.Select(b => b.Name))}; "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server {ServerBuild.ServerDll}");
        if (!ServerBuild.IsRelease)
        {
            Console.WriteLine("   note: the server is not a Release build; its figures mean little");
        }

        var clock = Stopwatch.StartNew();
        List<BenchReport> reports = [];
        List<string> broken = [];
        foreach (var benchmark in selected)
        {
            Console.WriteLine();
            Console.WriteLine($"-- {benchmark.Name}: {benchmark.Summary}");
            var started = Stopwatch.StartNew();
            string? failure = await TryRunAsync(benchmark, reports, cancellationToken);
            if (failure is not null)
            {
                broken.Add(benchmark.Name);
                await Console.Error.WriteLineAsync($"bench: {benchmark.Name}: broken set-up: {failure}");
                continue;
            }

            reports[^1].Print(Console.Out);
            Console.WriteLine($"   ({benchmark.Name} took {Figures.Seconds(started.Elapsed)})");
        }

        if (proof)
        {
            return PrintProof(reports, broken, clock.Elapsed);
        }

        PrintSummary(reports, broken, clock.Elapsed);
        return broken.Count == 0 ? 0 : 1;
    }

    /// <summary>Runs one benchmark; returns why its set-up broke, or null when it reported.</summary>
    private static async Task<string?> TryRunAsync(IBenchmark benchmark, List<BenchReport> reports,
        CancellationToken cancellationToken)
    {
        try
        {
            reports.Add(await benchmark.RunAsync(cancellationToken));
            return null;
        }
        catch (BenchSetupException e)
        {
            return e.Message;
        }
        catch (HttpRequestException e)
        {
            return $"a server stopped answering: {e.Message}";
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return $"a request timed out: {e.Message}";
        }
        catch (Exception e) when (e is IOException or Win32Exception or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static void PrintSummary(List<BenchReport> reports, List<string> broken, TimeSpan elapsed)
    {
        var aims = reports
            .SelectMany(r => r.Rows.Where(row => row.Verdict != Verdict.Info)
                .Select(row => new[] { r.Name, row.Figure, row.Value, row.Aim, BenchReport.Label(row.Verdict) }))
            .ToList();
        Console.WriteLine();
        Console.WriteLine($"== summary: {aims.Count(a => a[4] == "PASS")} of {aims.Count} aims met, "
            + $"{broken.Count} broken set-ups, {Figures.Seconds(elapsed)} in all");
        Console.WriteLine();
        Table.Write(Console.Out, ["benchmark", "figure", "value", "aim", "verdict"], aims);
        foreach (string name in broken)
        {
            Console.WriteLine($"   {name}: BROKEN SET-UP (see above)");
        }
    }

    /// <summary>
    /// Every figure of the proof suite in one table; exit 3 when one misses its bar, 1 for a broken set-up.
    /// </summary>
    private static int PrintProof(List<BenchReport> reports, List<string> broken, TimeSpan elapsed)
    {
        var rows = reports
            .SelectMany(r => r.Rows.Select(row => new[]
            {
                r.Name, row.Figure, row.Value, row.Aim, row.Verdict == Verdict.Info ? "" : BenchReport.Label(row.Verdict),
            }))
            .ToList();
        int misses = reports.Sum(r => r.Rows.Count(row => row.Verdict == Verdict.Miss));
        bool passed = misses == 0 && broken.Count == 0;
        Console.WriteLine();
        Console.WriteLine($"== proof under fire: {(passed ? "PASS" : "FAIL")}, {misses} figures missed their bar, "
            + $"{broken.Count} broken set-ups, {Figures.Seconds(elapsed)} in all");
        Console.WriteLine();
        Table.Write(Console.Out, ["part", "figure", "value", "bar", "verdict"], rows);
        foreach (string name in broken)
        {
            Console.WriteLine($"   {name}: BROKEN SET-UP (see above)");
        }

        return broken.Count > 0 ? 1 : misses > 0 ? 3 : 0;
    }

    private static void PrintUsage()
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/CoinSource.Bench -- <benchmark>");
        Console.Error.WriteLine("   or: bench/run <benchmark>");
        foreach (var benchmark in Benchmarks)
        {
            Console.Error.WriteLine($"  {benchmark.Name,-12} {benchmark.Summary}");
        }

        Console.Error.WriteLine($"  {"all",-12} every benchmark above, in that order");
        Console.Error.WriteLine($"  {"chaos [s]",-12} load while the upstreams cycle through every failure (60 s)");
        Console.Error.WriteLine($"  {"abuse",-12} slow and bursting clients; endless, huge, deep and bomb bodies");
        Console.Error.WriteLine($"  {"sweep",-12} hostile values in every parameter and body of every endpoint");
        Console.Error.WriteLine($"  {"proof [s]",-12} chaos, abuse and sweep in one table; exits 3 when a bar is missed");
    }
}
