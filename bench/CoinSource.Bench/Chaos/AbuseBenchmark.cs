using CoinSource.Bench.Benchmarks;
using CoinSource.Bench.Harness;
using CoinSource.Bench.Reporting;
using CoinSource.FakeUpstreams;
using CoinSource.Proof;

namespace CoinSource.Bench.Chaos;

/// <summary>
/// Abusive clients (slow headers, slow bodies, a burst past the rate limit) against a normal client's latency,
/// and abusive upstreams (endless, 1 GiB, 10,000-deep, gzip bomb) against the server's memory.
/// </summary>
public sealed class AbuseBenchmark : IBenchmark
{
    private const string NormalPath = "/api/quotes/BTC";
    private const int NormalRequests = 150;
    private const int SlowConnections = 40;
    private const int BurstRequests = 3000;
    private const string AbusedSource = "binance";

    /// <summary>Peak memory may grow by this much while the upstreams abuse the server: a few capped bodies.</summary>
    private const long MemoryBar = 256L * 1024 * 1024;

    private static readonly (FailureMode Mode, string Name, string Reason)[] Bodies =
    [
        (FailureMode.NeverEndingBody, "never-ending body", "byte cap"),
        (FailureMode.GigabyteBody, "1 GiB body", "byte cap"),
        (FailureMode.DeepNesting, "10,000-deep JSON", "depth"),
        (FailureMode.GzipBomb, "gzip bomb (64 GiB inflated)", "byte cap"),
    ];

    public string Name => "abuse";

    public string Summary => "slow and bursting clients against a normal one; endless, huge, deep and bomb bodies";

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new BenchReport(Name, "abusive clients and abusive upstreams");
        await using var upstream = await FakeUpstreamServer.StartAsync();
        await ClientsAsync(upstream, report, cancellationToken);
        await UpstreamsAsync(upstream, report, cancellationToken);
        return report;
    }

    private static async Task ClientsAsync(FakeUpstreamServer upstream, BenchReport report, CancellationToken token)
    {
        Progress.Step("abusive clients: a normal client alone, then beside slow and bursting clients");
        using var server = await CoinSourceProcess.StartAsync(upstream,
            new Dictionary<string, string> { ["RATE_LIMIT_PER_MINUTE"] = "600", ["CACHE_QUOTE_TTL_SECONDS"] = "3600" },
            token);
        using var client = BenchHttp.CreateClient(server.BaseAddress, TimeSpan.FromSeconds(30));
        await BenchHttp.GetOkAsync(client, NormalPath, token);
        var alone = await NormalClientAsync(server.BaseAddress, token);

        var slow = SlowConnection.OpenManyAsync(server.BaseAddress, SlowConnections, TimeSpan.FromSeconds(90), token);
        var burstClock = System.Diagnostics.Stopwatch.StartNew();
        var burst = Burst.RunAsync(server.BaseAddress, NormalPath, BurstRequests, token);
        var abused = await NormalClientAsync(server.BaseAddress, token);
        var statuses = await burst;
        double burstSeconds = burstClock.Elapsed.TotalSeconds;
        var cut = await slow;

        report.Note($"normal client: {NormalRequests} sequential GET {NormalPath} (cached), alone and then while "
            + $"{SlowConnections} slow connections (half slow headers, half slow bodies, a byte a second) are open "
            + $"and {BurstRequests} requests burst from 127.0.0.2 (RATE_LIMIT_PER_MINUTE=600)");
        report.Aim("normal client answered 200 under abuse", $"{abused.Ok} of {abused.Sent}", "all",
            abused.Ok == abused.Sent && abused.Sent >= NormalRequests);
        double aloneP99 = Stats.Percentile(alone.OkMs, 99);
        double abusedP99 = abused.OkMs.Count == 0 ? double.NaN : Stats.Percentile(abused.OkMs, 99);
        report.Info("normal client p50 / p99 alone",
            $"{Figures.Ms(Stats.Median(alone.OkMs))} / {Figures.Ms(aloneP99)}");
        double bar = Math.Max(4 * aloneP99, 100);
        report.Aim("normal client p50 / p99 under abuse", abused.OkMs.Count == 0
                ? "no answers"
                : $"{Figures.Ms(Stats.Median(abused.OkMs))} / {Figures.Ms(abusedP99)}",
            $"p99 <= {Figures.Ms(bar)} (4x alone, at least 100 ms)", abusedP99 <= bar);
        report.Aim("slow connections cut by the server", $"{cut.Count(c => c.CutByServer)} of {cut.Length}",
            "all", cut.All(c => c.CutByServer));
        report.Info("slow connections lasted (longest)", Figures.Seconds(cut.Max(c => c.Lasted)));
        // The budget: 600 at once, refilled at 10 a second while the burst lasts (at most its whole length).
        int limited = statuses.Count(s => s == 429);
        int allowed = 600 + (10 * (int)Math.Ceiling(burstSeconds));
        int served = statuses.Count(s => s == 200);
        report.Aim("burst answered 200 / 429", $"{served} / {limited} of {BurstRequests}",
            $"200 <= {allowed} (budget), the rest 429", served <= allowed && served + limited == BurstRequests);
    }

    private static async Task<OtherClientTally> NormalClientAsync(Uri server, CancellationToken token)
    {
        await using var normal = OtherClient.StartNew(server, NormalPath, TimeSpan.FromMilliseconds(20));
        while (normal.Answered < NormalRequests)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), token);
        }

        return await normal.StopAsync();
    }

    private static async Task UpstreamsAsync(FakeUpstreamServer upstream, BenchReport report, CancellationToken token)
    {
        Progress.Step("abusive upstreams: each body five times, the server's memory watched");
        using var server = await CoinSourceProcess.StartAsync(upstream,
            new Dictionary<string, string> { ["CACHE_QUOTE_TTL_SECONDS"] = "0" }, token);
        using var client = BenchHttp.CreateClient(server.BaseAddress, TimeSpan.FromSeconds(60));
        string path = $"/api/quotes/BTC-USDT?source={AbusedSource}";
        await BenchHttp.GetOkAsync(client, path, token);
        long before = server.PeakWorkingSetBytes ?? 0;
        report.Note($"abusive upstreams: {AbusedSource} serves each body to 5 requests pinned to it, health reset "
            + "before each so that it keeps being called; memory is the server's peak resident set (VmHWM)");

        foreach (var (mode, name, reason) in Bodies)
        {
            upstream.Fail(AbusedSource, mode);
            long wire = upstream.BytesOnTheWire;
            string? lastReason = null;
            int refused = 0;
            for (int i = 0; i < 5; i++)
            {
                await BenchHttp.PostOkAsync(client, $"/api/source-health/reset/{AbusedSource}", token);
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), token);
                refused += (int)response.StatusCode is 503 or 200 ? 1 : 0;
                using var health = await BenchHttp.GetJsonAsync(client, $"/api/source-health/status/{AbusedSource}",
                    token);
                lastReason = health.RootElement.GetProperty("health").GetProperty("lastFailureReason").GetString();
            }

            upstream.Heal(AbusedSource);
            bool named = lastReason?.Contains(reason, StringComparison.Ordinal) == true && refused == 5;
            report.Aim($"{name}: reason in the health API", Shorten(lastReason), $"names the {reason}", named);
            report.Info($"{name}: sent on the wire per request",
                Figures.Bytes((upstream.BytesOnTheWire - wire) / 5));
        }

        long after = server.PeakWorkingSetBytes ?? 0;
        report.Aim("server peak working set during the abusive bodies",
            $"{Figures.Bytes(after)} (+{Figures.Bytes(after - before)})", $"+<= {Figures.Bytes(MemoryBar)}",
            after - before <= MemoryBar);
    }

    private static string Shorten(string? text) =>
        text is null ? "none" : text.Length <= 60 ? text : text[..60] + "...";
}
