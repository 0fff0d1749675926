using System.Globalization;
using CoinSource.Bench.Harness;
using CoinSource.Bench.Reporting;
using CoinSource.FakeUpstreams;
using CoinSource.Configuration;

namespace CoinSource.Bench.Benchmarks;

/// <summary>
/// What failover costs a caller: (a) a first-choice source that hangs costs one attempt timeout, then one round
/// trip to the next source; (b) a first-choice source already OFFLINE costs nothing, as it is skipped without a
/// call, so requests take as long as on a server where that source is switched off.
/// </summary>
public sealed class FailoverBenchmark : IBenchmark
{
    private const int TimeoutMs = 500;
    private const int HangRuns = 9;
    private const int HangWarmUpRuns = 1;
    private const int RoundTripRuns = 30;
    private const int OfflineRequests = 200;
    private const int WarmUpRequests = 50;
    private const int OfflineWarmUpRequests = 200;

    // HEALTH_FAILURE_THRESHOLD's default, left unset on the server.
    private const int FailuresToOffline = 3;

    // The attempt timer and the thread pool wake a little late on a busy 2-core machine; this much is not failover.
    private const double TimerSlackMs = 10;

    // Two server processes doing the same work differ by about this much (memory layout, core placement): a
    // difference that stays within it says nothing about how an OFFLINE source is left out.
    private const double NegligibleMs = 0.1;

    private static readonly Dictionary<string, string> ServerSettings = new()
    {
        ["UPSTREAM_TIMEOUT_MS"] = TimeoutMs.ToString(CultureInfo.InvariantCulture),
        // Every request is a fresh one: the cache must not answer in place of the sources.
        ["CACHE_QUOTE_TTL_SECONDS"] = "0",
        // An OFFLINE source stays OFFLINE for the whole run; no probe interferes.
        ["HEALTH_COOLDOWN_SECONDS"] = "86400",
    };

    public string Name => "failover";

    public string Summary => "cost of a hanging first-choice source, and of an OFFLINE one";

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new BenchReport("failover", $"UPSTREAM_TIMEOUT_MS={TimeoutMs}, uncached quotes");
        await using var upstream = await FakeUpstreamServer.StartAsync();
        var pair = await FindPairAndMeasureHangAsync(report, upstream, cancellationToken);
        if (pair is null)
        {
            report.Info("failover", "not measurable: no pair has two quote sources in this build");
            return report;
        }

        await MeasureOfflineAsync(report, upstream, pair, cancellationToken);
        return report;
    }

    private static async Task<FailoverPair?> FindPairAndMeasureHangAsync(BenchReport report,
        FakeUpstreamServer upstream, CancellationToken cancellationToken)
    {
        Progress.Step("starting CoinSource (Release), all sources enabled");
        using var server = await CoinSourceProcess.StartAsync(upstream, ServerSettings, cancellationToken);
        using var client = BenchHttp.CreateClient(server.BaseAddress, TimeSpan.FromSeconds(30));

        Progress.Step("finding a pair with two candidate sources");
        var finder = new FailoverPairFinder(upstream, client);
        var pair = await finder.FindAsync(cancellationToken);
        report.Note("pair picked at run time, from /api/source-health/status and meta.attempts:");
        foreach (string finding in finder.Findings)
        {
            report.Note("  " + finding);
            Progress.Step(finding);
        }

        if (pair is not null)
        {
            report.Note($"measured on {pair}: {pair.First} is asked first, {pair.Next} is the next candidate");
            await MeasureHangAsync(report, upstream, client, pair, cancellationToken);
        }

        return pair;
    }

    private static async Task MeasureHangAsync(BenchReport report, FakeUpstreamServer upstream, HttpClient client,
        FailoverPair pair, CancellationToken cancellationToken)
    {
        Progress.Step($"(a) one round trip via {pair.Next}, then {HangRuns} requests with {pair.First} hanging");
        string pinned = $"{pair.Path}&source={pair.Next}";
        await RepeatAsync(client, pinned, WarmUpRequests, cancellationToken);
        double roundTrip = Stats.Median(await RepeatAsync(client, pinned, RoundTripRuns, cancellationToken));

        List<QuoteAnswer> answers = [];
        for (int run = -HangWarmUpRuns; run < HangRuns; run++)
        {
            // Each run starts from HEALTHY sources: after a failure the first choice would be DEGRADED and asked last.
            await BenchHttp.PostOkAsync(client, "/api/source-health/reset-all", cancellationToken);
            upstream.Fail(pair.First, FailureMode.Hang);
            var answer = await BenchHttp.GetOkAsync(client, pair.Path, cancellationToken);
            upstream.Heal(pair.First);

            if (answer.Source != pair.Next || answer.Attempts.Count < 2 || answer.Attempts[0].Source != pair.First)
            {
                throw new BenchSetupException($"the hang run did not fail over from {pair.First} to {pair.Next}: "
                    + answer.Text(400));
            }

            // The warm-up runs compile the timeout path; only the runs after them are timed.
            if (run >= 0)
            {
                answers.Add(answer);
            }
        }

        await BenchHttp.PostOkAsync(client, "/api/source-health/reset-all", cancellationToken);
        ReportHang(report, pair, roundTrip, answers);
    }

    private static void ReportHang(BenchReport report, FailoverPair pair, double roundTrip, List<QuoteAnswer> answers)
    {
        List<double> times = [.. answers.Select(a => a.Ms)];
        double measured = Stats.Median(times);
        double firstAttempt = Stats.Median([.. answers.Select(a => a.Attempts[0].Ms)]);
        double nextAttempt = Stats.Median([.. answers.Select(a => a.Attempts[^1].Ms)]);
        double outside = Stats.Median([.. answers.Select(a => a.Ms - a.Attempts.Sum(x => x.Ms))]);
        double aim = TimeoutMs + roundTrip + TimerSlackMs;

        report.Info("(a) attempt timeout (UPSTREAM_TIMEOUT_MS)", Figures.Ms(TimeoutMs));
        report.Info($"(a) round trip via {pair.Next}, median of {RoundTripRuns}", Figures.Ms(roundTrip));
        report.Aim($"(a) answer, {pair.First} hanging, median of {HangRuns}",
            $"{Figures.Ms(measured)} ({Figures.MsRange(times.Min(), times.Max())})",
            string.Create(CultureInfo.InvariantCulture,
                $"<= {Figures.Ms(aim)}: timeout + round trip + {TimerSlackMs:0} ms slack"),
            measured <= aim);
        report.Info("(a) measured - timeout", Figures.SignedMs(measured - TimeoutMs));
        report.Info("(a) meta.attempts, medians",
            $"{pair.First} {Figures.Ms(firstAttempt)}, {pair.Next} {Figures.Ms(nextAttempt)}");
        report.Info("(a) outside the attempts (routing, HTTP, client)", Figures.Ms(outside));
    }

    /// <summary>
    /// Compares two servers started together and warmed alike, one with the first choice OFFLINE and one with it
    /// disabled, so that the only difference between them is how that source is left out.
    /// </summary>
    private static async Task MeasureOfflineAsync(BenchReport report, FakeUpstreamServer upstream,
        FailoverPair pair, CancellationToken cancellationToken)
    {
        string enabledVariable = Settings.SourceEnabledVariable(pair.First);
        Progress.Step($"(b) starting two CoinSource servers, one of them with {enabledVariable}=false");
        using var offlineServer = await CoinSourceProcess.StartAsync(upstream, ServerSettings, cancellationToken);
        using var offlineClient = BenchHttp.CreateClient(offlineServer.BaseAddress, TimeSpan.FromSeconds(30));
        var disabledSettings = new Dictionary<string, string>(ServerSettings) { [enabledVariable] = "false" };
        using var disabledServer = await CoinSourceProcess.StartAsync(upstream, disabledSettings, cancellationToken);
        using var disabledClient = BenchHttp.CreateClient(disabledServer.BaseAddress, TimeSpan.FromSeconds(30));

        Progress.Step($"(b) driving {pair.First} OFFLINE with {FailuresToOffline} failing requests pinned to it");
        // Pinned: once DEGRADED, the first choice is tried after the healthy next one, which answers first.
        upstream.Fail(pair.First, FailureMode.ServerError);
        for (int i = 0; i < FailuresToOffline; i++)
        {
            await BenchHttp.GetQuoteAsync(offlineClient, $"{pair.Path}&source={pair.First}", cancellationToken);
        }

        upstream.Heal(pair.First);
        string state = await StateOfAsync(offlineClient, pair.First, cancellationToken);
        if (state != "OFFLINE")
        {
            throw new BenchSetupException($"{pair.First} is {state} after {FailuresToOffline} failures, not OFFLINE");
        }

        Progress.Step($"(b) {OfflineRequests} sequential requests to each server, interleaved");
        // Enough warm-up, and a pause for the JIT's background recompilation, that both servers run optimised
        // code when the timed requests start.
        await InterleaveAsync(offlineClient, disabledClient, pair, OfflineWarmUpRequests, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        upstream.ResetCounts();
        var (offline, disabled) = await InterleaveAsync(offlineClient, disabledClient, pair, OfflineRequests,
            cancellationToken);
        int callsToFirst = upstream.Calls(pair.First);

        ReportOffline(report, pair, state, offline, disabled, callsToFirst);
    }

    private static void ReportOffline(BenchReport report, FailoverPair pair, string state,
        List<QuoteAnswer> offline, List<QuoteAnswer> disabled, int callsToFirst)
    {
        List<double> offlineMs = [.. offline.Select(a => a.Ms)];
        List<double> disabledMs = [.. disabled.Select(a => a.Ms)];
        double difference = Stats.Median(offlineMs) - Stats.Median(disabledMs);
        var (low, high) = Stats.MedianDifferenceInterval(offlineMs, disabledMs);
        bool noneMeasurable = (low <= 0 && high >= 0) || (low >= -NegligibleMs && high <= NegligibleMs);
        int listedAsSkipped = offline.Count(a => a.Attempts.Any(x => x.Source == pair.First));

        report.Info($"(b) {pair.First} after {FailuresToOffline} failing requests", state);
        report.Info($"(b) {pair.First} in meta.attempts while OFFLINE",
            $"skipped in {listedAsSkipped}, absent (ordered last) in {offline.Count - listedAsSkipped}");
        report.Info($"(b) {pair.First} OFFLINE: median (p25-p75)", Spread(offlineMs));
        report.Info($"(b) {pair.First} disabled: median (p25-p75)", Spread(disabledMs));
        report.Aim($"(b) added by OFFLINE {pair.First}",
            $"{Figures.SignedMs(difference)} (95 % CI {Figures.SignedMs(low)} to {Figures.SignedMs(high)})",
            string.Create(CultureInfo.InvariantCulture, $"none measurable: CI holds 0 or is within +-{NegligibleMs} ms"),
            noneMeasurable);
        report.Aim($"(b) calls to {pair.First} during the {2 * OfflineRequests} requests",
            Figures.Count(callsToFirst), "0", callsToFirst == 0);
    }

    private static string Spread(List<double> times)
    {
        string quartiles = Figures.MsRange(Stats.Percentile(times, 25), Stats.Percentile(times, 75));
        return $"{Figures.Ms(Stats.Median(times))} ({quartiles})";
    }

    /// <summary>
    /// Alternates the two servers request by request, so that drift of the machine (other work, frequency) falls
    /// on both alike, and swaps which goes first in every other pair, so that neither always runs right after the
    /// other. Checks on the way that each answer took the path it is meant to measure.
    /// </summary>
    private static async Task<(List<QuoteAnswer> Offline, List<QuoteAnswer> Disabled)> InterleaveAsync(
        HttpClient offlineClient, HttpClient disabledClient, FailoverPair pair, int count,
        CancellationToken cancellationToken)
    {
        List<QuoteAnswer> offline = [];
        List<QuoteAnswer> disabled = [];
        for (int i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                offline.Add(await AroundOfflineAsync(offlineClient, pair, cancellationToken));
                disabled.Add(await WithoutDisabledAsync(disabledClient, pair, cancellationToken));
            }
            else
            {
                disabled.Add(await WithoutDisabledAsync(disabledClient, pair, cancellationToken));
                offline.Add(await AroundOfflineAsync(offlineClient, pair, cancellationToken));
            }
        }

        return (offline, disabled);
    }

    private static async Task<QuoteAnswer> AroundOfflineAsync(HttpClient client, FailoverPair pair,
        CancellationToken cancellationToken)
    {
        var answer = await BenchHttp.GetOkAsync(client, pair.Path, cancellationToken);
        return answer.Source == pair.Next
               && !answer.Attempts.Any(a => a.Source == pair.First && a.Outcome != "skipped")
            ? answer
            : throw new BenchSetupException($"{pair.First} was called while OFFLINE: {answer.Text(400)}");
    }

    private static async Task<QuoteAnswer> WithoutDisabledAsync(HttpClient client, FailoverPair pair,
        CancellationToken cancellationToken)
    {
        var answer = await BenchHttp.GetOkAsync(client, pair.Path, cancellationToken);
        return answer.Source == pair.Next && !answer.Attempts.Any(a => a.Source == pair.First)
            ? answer
            : throw new BenchSetupException($"{pair.First} was not left out when disabled: {answer.Text(400)}");
    }

    private static async Task<List<double>> RepeatAsync(HttpClient client, string path, int count,
        CancellationToken cancellationToken)
    {
        List<double> times = [];
        for (int i = 0; i < count; i++)
        {
            times.Add((await BenchHttp.GetOkAsync(client, path, cancellationToken)).Ms);
        }

        return times;
    }

    private static async Task<string> StateOfAsync(HttpClient client, string source,
        CancellationToken cancellationToken)
    {
        using var status = await BenchHttp.GetJsonAsync(client, $"/api/source-health/status/{source}",
            cancellationToken);
        return status.RootElement.GetProperty("health").GetProperty("state").GetString() ?? "";
    }
}
