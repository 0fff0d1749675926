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
    private const int MeasuredRounds = 3;
    private const int MaxWarmUpRounds = 8;
    private const double SteadyChange = 0.10;

    private static readonly WrkLoad Load = new(Threads: 2, Connections: 64, Duration: TimeSpan.FromSeconds(10));
    private static readonly WrkLoad WarmUp = Load with { Duration = TimeSpan.FromSeconds(4) };

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
        var coinSourceWarmUp = await WarmUpAsync("CoinSource", coinSourceUrl, cancellationToken);
        Progress.Step($"warming up nginx with one round of wrk {WarmUp}");
        var nginxWarmUp = await Wrk.RunAsync(nginxUrl, WarmUp, cancellationToken);

        // Rounds alternate between the two servers, so that the machine's drift (other tenants, clock speed)
        // falls on both alike; medians then keep one unlucky round from deciding the verdict.
        upstream.ResetCounts();
        List<WrkResult> coinSource = [];
        List<WrkResult> reference = [];
        for (int round = 1; round <= MeasuredRounds; round++)
        {
            Progress.Step($"measuring, round {round} of {MeasuredRounds}: CoinSource, then nginx, wrk {Load}");
            coinSource.Add(await Wrk.RunAsync(coinSourceUrl, Load, cancellationToken));
            reference.Add(await Wrk.RunAsync(nginxUrl, Load, cancellationToken));
        }

        // nginx never calls the fake: every call it counted came from CoinSource.
        int upstreamCalls = upstream.TotalCalls;
        var report = Report(coinSource, reference, upstreamCalls, warm.Body.Length, workers);
        report.Note($"warm-up rounds, req/s: CoinSource {Rates(coinSourceWarmUp)}; "
            + $"nginx {Figures.Count((long)nginxWarmUp.RequestsPerSecond)}");
        return report;
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

    /// <summary>
    /// Runs wrk rounds until two in a row agree within 10 %: under load, a .NET server keeps getting faster for
    /// many seconds (tiered compilation, dynamic PGO), and a short fixed warm-up would measure its JIT compiler.
    /// nginx, compiled ahead of time, needs one round only.
    /// </summary>
    private static async Task<List<double>> WarmUpAsync(string name, Uri url, CancellationToken cancellationToken)
    {
        List<double> rates = [];
        while (rates.Count < MaxWarmUpRounds && !IsSteady(rates))
        {
            Progress.Step($"warming up {name} with wrk {WarmUp}, round {rates.Count + 1}");
            rates.Add((await Wrk.RunAsync(url, WarmUp, cancellationToken)).RequestsPerSecond);
        }

        return rates;
    }

    private static bool IsSteady(List<double> rates) =>
        rates.Count >= 2 && Math.Abs(rates[^1] - rates[^2]) <= SteadyChange * rates[^2];

    private static string Rates(List<double> rates) =>
        string.Join(" > ", rates.Select(r => Figures.Count((long)r)))
        + (IsSteady(rates) ? "" : $" (no two rounds within {SteadyChange:P0} after {MaxWarmUpRounds})");

    private static BenchReport Report(List<WrkResult> coinSource, List<WrkResult> nginx, int upstreamCalls,
        int bytes, int workers)
    {
        var report = new BenchReport("throughput",
            $"cached GET {QuotePath}, CoinSource vs nginx, same {bytes} bytes");
        report.Note($"wrk {Load} --latency, {MeasuredRounds} rounds on each, alternating; before them, wrk {WarmUp} "
            + $"rounds until two agree within {SteadyChange:P0} (nginx: one)");
        report.Note($"nginx: {workers} workers, the saved answer as a static file, default_type application/json");
        report.Note($"all on 127.0.0.1, {Environment.ProcessorCount} cores shared by wrk, the server measured and "
            + "the (idle) fake upstream");

        double coinSourceRate = Median(coinSource, r => r.RequestsPerSecond);
        double nginxRate = Median(nginx, r => r.RequestsPerSecond);
        double ratio = coinSourceRate / nginxRate;
        var roundRatios = coinSource.Zip(nginx, (c, n) => Figures.Ratio(c.RequestsPerSecond / n.RequestsPerSecond));
        report.Info($"CoinSource throughput, median of {MeasuredRounds}", Figures.Rate(coinSourceRate));
        report.Info($"nginx throughput, median of {MeasuredRounds}", Figures.Rate(nginxRate));
        report.Aim("CoinSource / nginx", $"{Figures.Ratio(ratio)} (rounds: {string.Join(", ", roundRatios)})",
            $">= {Figures.Ratio(RatioAim)}", ratio >= RatioAim);
        report.Info("CoinSource latency p50 / p99, medians", Latency(coinSource));
        report.Info("nginx latency p50 / p99, medians", Latency(nginx));

        long coinSourceErrors = coinSource.Sum(r => r.Non2xx + r.SocketErrors);
        long nginxErrors = nginx.Sum(r => r.Non2xx + r.SocketErrors);
        report.Aim("CoinSource errors (non-2xx + socket)", Figures.Count(coinSourceErrors), "0", coinSourceErrors == 0);
        report.Aim("nginx errors (non-2xx + socket)", Figures.Count(nginxErrors), "0", nginxErrors == 0);
        report.Aim($"upstream calls during CoinSource's {Figures.Count(coinSource.Sum(r => r.Requests))} requests",
            Figures.Count(upstreamCalls), "0 (the cache answers)", upstreamCalls == 0);
        return report;
    }

    private static double Median(List<WrkResult> rounds, Func<WrkResult, double> figure) =>
        Stats.Median([.. rounds.Select(figure)]);

    private static string Latency(List<WrkResult> rounds) =>
        $"{Figures.Ms(Median(rounds, r => r.LatencyP50Ms))} / {Figures.Ms(Median(rounds, r => r.LatencyP99Ms))}";
}
