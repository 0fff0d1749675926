using System.Net;
using CoinSource.Bench.Harness;
using CoinSource.Bench.Reporting;
using CoinSource.FakeUpstreams;

namespace CoinSource.Bench.Benchmarks;

/// <summary>
/// Many callers asking for the same uncached quote at the same moment, while the upstream is slow: the cache's
/// single flight should send exactly one upstream call and answer everybody from it.
/// </summary>
public sealed class StampedeBenchmark : IBenchmark
{
    private const int Callers = 500;
    private const string QuotePath = "/api/quotes/BTC";

    // Another key than the measured one: it warms the code path and opens the connections without filling
    // the measured entry of the cache.
    private const string WarmUpPath = "/api/quotes/SOL";

    private static readonly TimeSpan UpstreamDelay = TimeSpan.FromMilliseconds(200);

    public string Name => "stampede";

    public string Summary => $"{Callers} concurrent GETs of one uncached quote, upstream slowed to 200 ms";

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        foreach (string source in upstream.Sources)
        {
            upstream.Delay(source, UpstreamDelay);
        }

        Progress.Step("starting CoinSource (Release) with an empty cache");
        using var server = await CoinSourceProcess.StartAsync(upstream,
            new Dictionary<string, string> { ["CACHE_QUOTE_TTL_SECONDS"] = "3600" }, cancellationToken);
        using var client = BenchHttp.CreateClient(server.BaseAddress, TimeSpan.FromSeconds(30), connections: Callers);

        // The warm-up is a stampede too, so that all its callers wait on the slow upstream at once and the client
        // ends up with one open connection per caller: the measured run then times the cache, not TCP handshakes.
        Progress.Step($"warm-up: {Callers} concurrent GET {WarmUpPath}");
        var warmUp = await StampedeAsync(client, WarmUpPath, cancellationToken);
        if (!warmUp.Any(a => a.Status == (int)HttpStatusCode.OK))
        {
            throw new BenchSetupException($"no warm-up request succeeded: {warmUp[0].Status} {warmUp[0].Text(300)}");
        }

        Progress.Step($"measuring: {Callers} concurrent GET {QuotePath}, released together");
        upstream.ResetCounts();
        var answers = await StampedeAsync(client, QuotePath, cancellationToken);
        int upstreamCalls = upstream.TotalCalls;

        return Report(answers, upstreamCalls);
    }

    private static async Task<QuoteAnswer[]> StampedeAsync(HttpClient client, string path,
        CancellationToken cancellationToken)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, Callers).Select(async _ =>
        {
            await gate.Task;
            return await CallAsync(client, path, cancellationToken);
        }).ToList();

        gate.SetResult();
        return await Task.WhenAll(callers);
    }

    private static async Task<QuoteAnswer> CallAsync(HttpClient client, string path,
        CancellationToken cancellationToken)
    {
        try
        {
            return await BenchHttp.GetQuoteAsync(client, path, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // A refused or reset connection is a failed caller, counted with the rest, not the end of the run.
            return new QuoteAnswer { Status = 0, Body = System.Text.Encoding.UTF8.GetBytes(e.Message), Ms = 0 };
        }
    }

    private static BenchReport Report(QuoteAnswer[] answers, int upstreamCalls)
    {
        var report = new BenchReport("stampede", $"{Callers} concurrent GET {QuotePath} on an empty cache");
        report.Note($"every fake upstream answers after {UpstreamDelay.TotalMilliseconds:0} ms; the callers start "
            + "together behind one gate,");
        report.Note($"on {Callers} connections opened beforehand by a warm-up stampede on {WarmUpPath}");

        var ok = answers.Where(a => a.Status == (int)HttpStatusCode.OK).ToList();
        int joined = ok.Count(a => !a.Cached);
        report.Aim("upstream calls", Figures.Count(upstreamCalls), "exactly 1", upstreamCalls == 1);
        report.Aim("answered 200", $"{ok.Count} of {Callers}", $"{Callers}", ok.Count == Callers);
        report.Info("answered by the shared call (meta.cached=false)", Figures.Count(joined));
        report.Info("answered from the cache after it (meta.cached=true)", Figures.Count(ok.Count - joined));
        if (ok.Count > 0)
        {
            List<double> times = [.. ok.Select(a => a.Ms)];
            report.Info("latency p50 / p99 (200s)",
                $"{Figures.Ms(Stats.Median(times))} / {Figures.Ms(Stats.Percentile(times, 99))}");
        }

        var failed = answers.Where(a => a.Status != (int)HttpStatusCode.OK).ToList();
        if (failed.Count > 0)
        {
            report.Note($"first failure: status {failed[0].Status}: {failed[0].Text(200)}");
        }

        return report;
    }
}
