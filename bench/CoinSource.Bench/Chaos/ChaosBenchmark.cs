using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CoinSource.Bench.Benchmarks;
using CoinSource.Bench.Harness;
using CoinSource.Bench.Reporting;
using CoinSource.FakeUpstreams;

namespace CoinSource.Bench.Chaos;

/// <summary>
/// The server under steady concurrent load while the fake upstreams go through every failure kind on a schedule;
/// counts the answers by kind, the faults in the server's log, and compares the health transitions the schedule
/// implies with the ones the server reports.
/// </summary>
public sealed class ChaosBenchmark(TimeSpan duration) : IBenchmark
{
    public const int Clients = 8;

    /// <summary>The scheduled sources, each with a quote currency it lists; the others stay healthy.</summary>
    private static readonly (string Source, string Quote)[] Scheduled =
        [
            ("binance", "USDT"), ("kraken", "USD"), ("coinbase", "USD"), ("kucoin", "USDT"), ("okx", "USDT"),
            ("bitfinex", "USD"),
        ];

    public string Name => "chaos";

    public string Summary => $"{duration.TotalSeconds:0} s of load while the upstreams cycle through every failure";

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var schedule = ChaosSchedule.For([.. Scheduled.Select(s => s.Source)], duration);
        await using var upstream = await FakeUpstreamServer.StartAsync();
        Progress.Step("starting CoinSource (Release) with JSON logs, a 1 s timeout and a 2 s cooldown");
        using var server = await CoinSourceProcess.StartAsync(upstream, Settings, cancellationToken);
        using var client = BenchHttp.CreateClient(server.BaseAddress, TimeSpan.FromSeconds(30), Clients * 2);
        var mix = LoadMix.For(Scheduled);

        Progress.Step("warm-up: one pass over the load mix, then every source reset to HEALTHY");
        var warmUp = new AnswerTally();
        foreach (var request in mix)
        {
            await SendAsync(client, request, warmUp, cancellationToken);
        }

        await BenchHttp.PostOkAsync(client, "/api/source-health/reset-all", cancellationToken);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        Progress.Step($"load: {Clients} clients over {mix.Count} requests for {duration.TotalSeconds:0} s; "
            + $"{schedule.Episodes.Count} failure episodes over {schedule.Sources.Count} sources");

        var tally = new AnswerTally();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var driver = DriveAsync(upstream, schedule, clock, stop.Token);
        var clients = Enumerable.Range(0, Clients).Select(i => LoadAsync(client, mix, i, tally, stop.Token)).ToList();
        await Task.Delay(duration, cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        await driver;
        upstream.HealAll();

        var observed = await ObservedAsync(client, startedAt, cancellationToken);
        return Report(schedule, tally, observed, ServerLog.Parse(server.Output), server.PeakWorkingSetBytes);
    }

    /// <summary>The settings of the run: short timeout and cooldown so that outages and recoveries fit.</summary>
    private static Dictionary<string, string> Settings => new()
    {
        ["LOG_FORMAT"] = "json",
        ["UPSTREAM_TIMEOUT_MS"] = "1000",
        ["HEALTH_COOLDOWN_SECONDS"] = "2",
        ["HEALTH_PROBE_JITTER_SECONDS"] = "0",
        ["CACHE_QUOTE_TTL_SECONDS"] = "1",
        ["CACHE_CANDLES_TTL_SECONDS"] = "2",
        ["CACHE_TOP_COINS_TTL_SECONDS"] = "2",
    };

    private static async Task DriveAsync(FakeUpstreamServer upstream, ChaosSchedule schedule, Stopwatch clock,
        CancellationToken token)
    {
        Dictionary<string, ChaosKind?> applied = schedule.Sources.ToDictionary(s => s, _ => (ChaosKind?)null);
        while (!token.IsCancellationRequested)
        {
            var failing = schedule.FailingAt(clock.Elapsed).ToDictionary(e => e.Source, e => e.Kind);
            foreach (string source in schedule.Sources)
            {
                var wanted = failing.GetValueOrDefault(source);
                if (wanted == applied[source])
                {
                    continue;
                }

                upstream.Heal(source);
                wanted?.Apply(upstream, source);
                applied[source] = wanted;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task LoadAsync(HttpClient client, IReadOnlyList<LoadRequest> mix, int offset,
        AnswerTally tally, CancellationToken token)
    {
        // Each client walks the mix from its own offset, so that every request is always in flight somewhere.
        for (int i = offset * mix.Count / Clients; !token.IsCancellationRequested; i++)
        {
            await SendAsync(client, mix[i % mix.Count], tally, token);
        }
    }

    private static async Task SendAsync(HttpClient client, LoadRequest request, AnswerTally tally,
        CancellationToken token)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(request.Path, UriKind.Relative));
        if (request.JsonBody is not null)
        {
            message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
        }

        try
        {
            // Not cancelled by the end of the run: a request sent is answered and counted.
            using var response = await client.SendAsync(message, CancellationToken.None);
            tally.Count(request.Path, response, await response.Content.ReadAsByteArrayAsync(CancellationToken.None));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            tally.CountNoAnswer(request.Path, e.Message);
        }

        _ = token;
    }

    /// <summary>Every source's transitions since the run started, in order, from the health API.</summary>
    private static async Task<Dictionary<string, List<(string From, string To)>>> ObservedAsync(HttpClient client,
        DateTimeOffset since, CancellationToken token)
    {
        using var all = await BenchHttp.GetJsonAsync(client, "/api/source-health/status", token);
        Dictionary<string, List<(string, string)>> observed = [];
        foreach (var source in all.RootElement.GetProperty("sources").EnumerateArray())
        {
            string name = source.GetProperty("name").GetString()!;
            using var one = await BenchHttp.GetJsonAsync(client, $"/api/source-health/status/{name}", token);
            observed[name] = [.. one.RootElement.GetProperty("health").GetProperty("transitions").EnumerateArray()
                .Where(t => t.GetProperty("at").GetDateTimeOffset() >= since)
                .OrderBy(t => t.GetProperty("at").GetDateTimeOffset())
                .Select(t => (State(t, "from"), State(t, "to")))];
        }

        return observed;
    }

    private static string State(JsonElement transition, string name) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(transition.GetProperty(name).GetString()!.ToLowerInvariant());

    private BenchReport Report(ChaosSchedule schedule, AnswerTally tally,
        Dictionary<string, List<(string From, string To)>> observed, ServerLog log, long? peakBytes)
    {
        var report = new BenchReport(Name, $"{duration.TotalSeconds:0} s under load while upstreams fail");
        report.Note($"{Clients} clients; sources {string.Join(", ", schedule.Sources)} each fail for "
            + $"{ChaosSchedule.FailFor.TotalSeconds:0} s in every {ChaosSchedule.Episode.TotalSeconds:0} s, "
            + $"staggered by {ChaosSchedule.Stagger.TotalSeconds:0} s; the other sources stay healthy");
        report.Note("transitions: H HEALTHY, D DEGRADED, O OFFLINE; (H>D>H)+ one or more flaps");
        report.Note($"failure kinds covered ({schedule.KindsCovered.Count} of {ChaosKind.All.Count}): "
            + string.Join(", ", schedule.KindsCovered));
        foreach (string line in tally.Unexpected.Concat(log.Faults.Take(5)))
        {
            report.Note("unexpected: " + line);
        }

        if (log.FirstDecision is not null)
        {
            report.Note("first error line of the server's own: " + log.FirstDecision);
        }

        report.Info("requests sent", Figures.Count(tally.Sent));
        report.Info("answers by status", string.Join(", ", tally.ByStatus.OrderBy(p => p.Key)
            .Select(p => $"{p.Key}: {Figures.Count(p.Value)}")));
        report.Info("200 with fresh data", Figures.Count(tally.Fresh));
        report.Info("200 stale (meta.stale)", Figures.Count(tally.Stale));
        report.Info("designed 503 (problem+json, Retry-After)", Figures.Count(tally.Designed503));
        report.Aim("other 5xx", Figures.Count(tally.Other5xx), "0", tally.Other5xx == 0);
        report.Aim("requests without an answer", Figures.Count(tally.NoAnswer), "0", tally.NoAnswer == 0);
        report.Aim("unhandled exceptions in the log", Figures.Count(log.Faults.Count), "0", log.Faults.Count == 0);
        report.Info("error lines that are decisions (a source OFFLINE)", Figures.Count(log.DecisionErrors));
        report.Info("server peak working set", peakBytes is { } peak ? Figures.Bytes(peak) : "unknown");
        ReportTransitions(report, schedule, observed);
        return report;
    }

    private static void ReportTransitions(BenchReport report, ChaosSchedule schedule,
        Dictionary<string, List<(string From, string To)>> observed)
    {
        int expectedTotal = 0;
        int matched = 0;
        foreach (string source in observed.Keys.Order(StringComparer.Ordinal))
        {
            var expected = schedule.Sources.Contains(source) ? schedule.Expected(source) : [];
            var seen = observed[source];
            if (expected.Count == 0 && seen.Count == 0)
            {
                continue;
            }

            expectedTotal++;
            bool ok = ChaosSchedule.Matches(expected, seen);
            matched += ok ? 1 : 0;
            report.Aim($"transitions of {source}", $"seen {Show(seen)}", $"expected {string.Join(" ", expected)}", ok);
        }

        report.Aim("sources whose transitions match the schedule", $"{matched} of {expectedTotal}",
            $"{expectedTotal}", matched == expectedTotal);
    }

    private static string Show(List<(string From, string To)> transitions) =>
        transitions.Count == 0 ? "none" : string.Join(" ", transitions.Select(t => $"{t.From[0]}>{t.To[0]}"));
}
