using CoinSource.Bench.Harness;
using CoinSource.Bench.Reporting;
using CoinSource.FakeUpstreams;

namespace CoinSource.Bench.Benchmarks;

/// <summary>
/// How fast CoinSource serves a cached quote, next to nginx serving the very same bytes as a static file: the
/// cache path should cost little more than writing the answer out.
/// </summary>
public sealed class ThroughputBenchmark : IBenchmark
{
    private const string QuotePath = "/api/quotes/BTC";
    private const double RatioAim = 0.8;

    private static readonly WrkLoad Load = new(Threads: 2, Connections: 64, Duration: TimeSpan.FromSeconds(10));
    private static readonly WrkLoad WarmUp = Load with { Duration = TimeSpan.FromSeconds(3) };

    public string Name => "throughput";

    public string Summary => "wrk against a cached quote, CoinSource vs nginx serving the same bytes";

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        Progress.Step("starting CoinSource (Release) with CACHE_QUOTE_TTL_SECONDS=3600");
        using var server = await CoinSourceProcess.StartAsync(upstream,
            new Dictionary<string, string> { ["CACHE_QUOTE_TTL_SECONDS"] = "3600" }, cancellationToken);
        using var client = BenchHttp.CreateClient(server.BaseAddress, TimeSpan.FromSeconds(10));
        var warm = await BenchHttp.GetOkAsync(client, QuotePath, cancellationToken);

        int workers = Environment.ProcessorCount;
        Progress.Step($"starting nginx with {workers} workers, serving the {warm.Body.Length}-byte answer");
        using var nginx = await NginxServer.StartAsync(QuotePath, warm.Body, workers, cancellationToken);
        await CheckSameBytesAsync(nginx, warm.Body, cancellationToken);

        var coinSourceUrl = new Uri(server.BaseAddress, QuotePath);
        var nginxUrl = new Uri(nginx.BaseAddress, QuotePath);
        Progress.Step($"warming up both with wrk {WarmUp}");
        await Wrk.RunAsync(coinSourceUrl, WarmUp, cancellationToken);
        await Wrk.RunAsync(nginxUrl, WarmUp, cancellationToken);

        Progress.Step($"measuring CoinSource, then nginx, with wrk {Load}");
        upstream.ResetCounts();
        var coinSource = await Wrk.RunAsync(coinSourceUrl, Load, cancellationToken);
        int upstreamCalls = upstream.TotalCalls;
        var reference = await Wrk.RunAsync(nginxUrl, Load, cancellationToken);

        return Report(coinSource, reference, upstreamCalls, warm.Body.Length, workers);
    }

    private static async Task CheckSameBytesAsync(NginxServer nginx, byte[] expected,
        CancellationToken cancellationToken)
    {
        using var client = BenchHttp.CreateClient(nginx.BaseAddress, TimeSpan.FromSeconds(5));
        var served = await BenchHttp.GetQuoteAsync(client, QuotePath, cancellationToken);
        if (!served.Body.AsSpan().SequenceEqual(expected))
        {
            throw new BenchSetupException($"nginx does not serve the saved answer: {served.Text(200)}");
        }
    }

    private static BenchReport Report(WrkResult coinSource, WrkResult nginx, int upstreamCalls, int bytes,
        int workers)
    {
        var report = new BenchReport("throughput", $"cached GET {QuotePath}, CoinSource vs nginx, same {bytes} bytes");
        report.Note($"wrk {Load} --latency on each, after a {WarmUp.Duration.TotalSeconds:0} s warm-up of each; "
            + $"nginx: {workers} workers, static file, default_type application/json");
        report.Note($"everything on 127.0.0.1 and {Environment.ProcessorCount} cores shared by wrk, the server and "
            + "the fake upstream (idle during the run)");

        double ratio = coinSource.RequestsPerSecond / nginx.RequestsPerSecond;
        report.Info("CoinSource throughput", Figures.Rate(coinSource.RequestsPerSecond));
        report.Info("nginx throughput", Figures.Rate(nginx.RequestsPerSecond));
        report.Aim("CoinSource / nginx", Figures.Ratio(ratio), $">= {Figures.Ratio(RatioAim)}", ratio >= RatioAim);
        report.Info("CoinSource latency avg / p50 / p99", Latency(coinSource));
        report.Info("nginx latency avg / p50 / p99", Latency(nginx));
        report.Aim("CoinSource errors (non-2xx + socket)", Figures.Count(coinSource.Non2xx + coinSource.SocketErrors),
            "0", coinSource.Non2xx + coinSource.SocketErrors == 0);
        report.Aim("nginx errors (non-2xx + socket)", Figures.Count(nginx.Non2xx + nginx.SocketErrors), "0",
            nginx.Non2xx + nginx.SocketErrors == 0);
        report.Aim($"upstream calls during CoinSource's {Figures.Count(coinSource.Requests)} requests",
            Figures.Count(upstreamCalls), "0 (the cache answers)", upstreamCalls == 0);
        return report;
    }

    private static string Latency(WrkResult result) =>
        $"{Figures.Ms(result.LatencyAverageMs)} / {Figures.Ms(result.LatencyP50Ms)} / {Figures.Ms(result.LatencyP99Ms)}";
}
