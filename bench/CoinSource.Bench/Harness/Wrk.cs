using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CoinSource.Bench.Harness;

/// <summary>Runs wrk against one URL and reads its report.</summary>
public static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(Uri url, WrkLoad load, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ExternalTool.Find("wrk", "wrk"))
        {
            ArgumentList =
            {
                "-t", Invariant(load.Threads),
                "-c", Invariant(load.Connections),
                "-d", Invariant((int)load.Duration.TotalSeconds) + "s",
                "--latency",
                url.AbsoluteUri,
            },
        };

        using var wrk = ChildProcess.Start(start);
        await wrk.WaitForExitAsync(cancellationToken);
        string output = wrk.Output;
        if (wrk.ExitCode != 0)
        {
            throw new BenchSetupException($"wrk exited with code {wrk.ExitCode}:\n{output}");
        }

        return Parse(output);
    }

    /// <summary>Reads wrk's text report; a report without a rate is a broken run.</summary>
    public static WrkResult Parse(string output)
    {
        var rate = RequestsPerSecondLine().Match(output);
        var total = RequestsLine().Match(output);
        var average = AverageLatencyLine().Match(output);
        if (!rate.Success || !total.Success || !average.Success)
        {
            throw new BenchSetupException($"wrk printed no usable report:\n{output}");
        }

        var errors = SocketErrorsLine().Match(output);
        long socketErrors = errors.Success
            ? Enumerable.Range(1, 4).Sum(i => long.Parse(errors.Groups[i].Value, CultureInfo.InvariantCulture))
            : 0;
        var non2xx = Non2xxLine().Match(output);

        return new WrkResult
        {
            RequestsPerSecond = double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Requests = long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
            LatencyAverageMs = Milliseconds(average.Groups[1].Value, average.Groups[2].Value),
            LatencyP50Ms = Percentile(output, "50"),
            LatencyP99Ms = Percentile(output, "99"),
            Non2xx = non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            SocketErrors = socketErrors,
        };
    }

    private static double Percentile(string output, string percent)
    {
        var match = PercentileLine().Matches(output).FirstOrDefault(m => m.Groups[1].Value == percent)
                    ?? throw new BenchSetupException($"wrk printed no {percent}% latency:\n{output}");
        return Milliseconds(match.Groups[2].Value, match.Groups[3].Value);
    }

    private static double Milliseconds(string number, string unit)
    {
        double value = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            _ => throw new BenchSetupException($"wrk printed an unknown time unit '{unit}'"),
        };
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^\s*Latency\s+([\d.]+)(us|ms|s|m)\s", RegexOptions.Multiline)]
    private static partial Regex AverageLatencyLine();

    [GeneratedRegex(@"^\s*(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex PercentileLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxLine();
}
