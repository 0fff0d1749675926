using System.Net;
using CoinSource.Bench.Harness;
using CoinSource.Bench.Reporting;
using CoinSource.FakeUpstreams;

namespace CoinSource.Bench.Benchmarks;

/// <summary>
/// A consensus quote asks five sources at once: it should take as long as the slowest of them, not as long as all
/// of them together. Compared side by side with a single-source quote from the fastest source.
/// </summary>
public sealed class ConsensusBenchmark : IBenchmark
{
    private const int Rounds = 40;
    private const string SinglePath = "/api/quotes/BTC";
    private const string ConsensusPath = "/api/quotes/BTC?mode=consensus";

    // Five USD quote sources with different delays; the first in priority is the fastest.
    private static readonly (string Source, int DelayMs)[] Delays =
        [("coingecko", 10), ("kraken", 20), ("coinbase", 30), ("coinpaprika", 40), ("cryptocompare", 50)];

    public string Name => "consensus";

    public string Summary => "consensus quote over 5 sources with 10-50 ms delays vs a single-source quote";

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        foreach (var (source, delay) in Delays)
        {
            upstream.Delay(source, TimeSpan.FromMilliseconds(delay));
        }

        Progress.Step("starting CoinSource (Release) with exactly five USD quote sources, no cache");
        var settings = new Dictionary<string, string>
        {
            ["CACHE_QUOTE_TTL_SECONDS"] = "0",
            ["CONSENSUS_MAX_SOURCES"] = "5",
            ["SOURCE_BITFINEX_ENABLED"] = "false",
        };
        using var server = await CoinSourceProcess.StartAsync(upstream, settings, cancellationToken);
        using var client = BenchHttp.CreateClient(server.BaseAddress, TimeSpan.FromSeconds(30));

        Progress.Step($"warm-up: {Rounds} of each");
        await MeasureAsync(client, SinglePath, cancellationToken);
        await MeasureAsync(client, ConsensusPath, cancellationToken);

        Progress.Step($"measuring: {Rounds} rounds, single and consensus alternating");
        List<QuoteAnswer> single = [];
        List<QuoteAnswer> consensus = [];
        for (int i = 0; i < Rounds; i++)
        {
            single.Add(await BenchHttp.GetQuoteAsync(client, SinglePath, cancellationToken));
            consensus.Add(await BenchHttp.GetQuoteAsync(client, ConsensusPath, cancellationToken));
        }

        return Report(single, consensus);
    }

    private static async Task MeasureAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        for (int i = 0; i < Rounds; i++)
        {
            var answer = await BenchHttp.GetQuoteAsync(client, path, cancellationToken);
            if (answer.Status != (int)HttpStatusCode.OK)
            {
                throw new BenchSetupException($"{path} answered {answer.Status}: {answer.Text(300)}");
            }
        }
    }

    private static BenchReport Report(List<QuoteAnswer> single, List<QuoteAnswer> consensus)
    {
        var report = new BenchReport("consensus", "GET /api/quotes/BTC, single source vs mode=consensus, uncached");
        report.Note("fake upstream delays: " + string.Join(", ", Delays.Select(d => $"{d.Source} {d.DelayMs} ms")));
        report.Note($"{Rounds} rounds of each, alternating, after {Rounds} warm-up requests of each");

        double singleMs = Stats.Median([.. single.Select(a => a.Ms)]);
        double consensusMs = Stats.Median([.. consensus.Select(a => a.Ms)]);
        double slowestAttempt = Stats.Median([.. consensus.Select(a => a.Attempts.Max(t => t.Ms))]);
        double fastestAttempt = Stats.Median([.. single.Select(a => a.Attempts.Max(t => t.Ms))]);
        int slowest = Delays.Max(d => d.DelayMs);
        int sum = Delays.Sum(d => d.DelayMs);

        // What consensus costs beyond waiting for its slowest source: its total minus the single-source total,
        // minus the extra time its slowest source took over the single source's one.
        double added = consensusMs - singleMs - (slowestAttempt - fastestAttempt);
        report.Info("single source (coingecko), median", Figures.Ms(singleMs));
        report.Info("consensus of 5, median", Figures.Ms(consensusMs));
        report.Info("slowest source's attempt in the consensus, median", Figures.Ms(slowestAttempt));
        report.Info("sum of the five delays (what asking in turn would cost)", Figures.Ms(sum));
        report.Aim("consensus minus single, beyond the slowest source", Figures.SignedMs(added), "<= +1 ms",
            added <= 1);
        report.Aim("consensus median", Figures.Ms(consensusMs), $"< {sum} ms (not the sum)", consensusMs < sum);
        int ok = consensus.Count(a => a.Status == (int)HttpStatusCode.OK);
        report.Aim("consensus answers 200", $"{ok} of {Rounds}", $"{Rounds}", ok == Rounds);
        report.Note($"the slowest fake source waits {slowest} ms before answering");
        return report;
    }
}
