using CoinSource.Bench.Benchmarks;
using CoinSource.Bench.Harness;
using CoinSource.Bench.Reporting;
using CoinSource.FakeUpstreams;
using CoinSource.Hosting;
using CoinSource.Proof;

namespace CoinSource.Bench.Chaos;

/// <summary>The bad-input sweep of the tests, against the Release server, with its counts as figures.</summary>
public sealed class SweepBenchmark : IBenchmark
{
    private const int GeneratedCases = 300;

    public string Name => "sweep";

    public string Summary => "hostile values in every parameter and body of every endpoint";

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        using var server = await CoinSourceProcess.StartAsync(upstream, new Dictionary<string, string>(),
            cancellationToken);
        using var client = BenchHttp.CreateClient(server.BaseAddress, TimeSpan.FromMinutes(2));
        var routes = await ApiSurface.DiscoverAsync(client, cancellationToken);
        Progress.Step($"sweeping {routes.Count} endpoints from {ApiSurface.DescriptionPath}");
        var result = await new BadInputSweep(client, KestrelLimits.MaxRequestBodyBytes)
            .RunAsync(routes, GeneratedCases, seed: null, cancellationToken);

        var report = new BenchReport(Name, "bad input to every endpoint");
        report.Note($"{HostileInput.Values.Count} fixed values in each parameter alone, "
            + $"{HostileInput.Bodies(KestrelLimits.MaxRequestBodyBytes).Count} bodies to each endpoint that takes one, "
            + $"then {GeneratedCases} generated combinations");
        foreach (var violation in result.Violations.Take(5))
        {
            report.Note($"violation: {violation}: {violation.Violation}");
        }

        report.Info("endpoints / parameters swept", $"{routes.Count} / {result.Parameters}");
        report.Info("requests", Figures.Count(result.Requests));
        report.Info("answered 4xx problem+json", Figures.Count(result.ClientErrors - result.ProtocolRejections));
        report.Info("refused by the web server before the API (empty 400)", Figures.Count(result.ProtocolRejections));
        report.Info("answered 2xx (the value happened to be valid)", Figures.Count(result.Successes));
        report.Aim("answered 5xx", Figures.Count(result.ServerErrors), "0", result.ServerErrors == 0);
        report.Aim("answers breaking the contract", Figures.Count(result.Violations.Count), "0",
            result.Violations.Count == 0);
        report.Aim("other client served meanwhile", $"{result.OtherClient.Ok} of {result.OtherClient.Sent}",
            "all", result.OtherClient.Failures.Count == 0 && result.OtherClient.Ok > 0);
        return report;
    }
}
