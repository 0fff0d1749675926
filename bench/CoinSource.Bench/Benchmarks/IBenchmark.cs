using CoinSource.Bench.Reporting;

namespace CoinSource.Bench.Benchmarks;

/// <summary>One benchmark: starts its own servers, measures, stops everything, and reports its figures.</summary>
public interface IBenchmark
{
    /// <summary>The subcommand that runs it.</summary>
    string Name { get; }

    /// <summary>What it measures, in one line, for the usage text.</summary>
    string Summary { get; }

    /// <summary>Runs it; a broken set-up throws <see cref="Harness.BenchSetupException"/>, a missed aim not.</summary>
    Task<BenchReport> RunAsync(CancellationToken cancellationToken);
}
