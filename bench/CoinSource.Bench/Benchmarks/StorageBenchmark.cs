using System.Diagnostics;
using System.Globalization;
using CoinSource.Bench.Reporting;
using CoinSource.Health;
using CoinSource.Market;
using CoinSource.Storage;
using CoinSource.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoinSource.Bench.Benchmarks;

/// <summary>
/// The SQLite store on a temporary file: candles per second through the background writer (one write per candle,
/// as answers arrive), and the commit time of one 1000-candle page, as backfill writes it.
/// </summary>
public sealed class StorageBenchmark : IBenchmark
{
    private const int WriterCandles = 100_000;
    private const int Pages = 50;
    private const int PageSize = 1000;

    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "storage";

    public string Summary => "SQLite writer throughput and the commit time of a 1000-candle page";

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"coinsource-bench-{Guid.NewGuid():N}");
        try
        {
            var report = new BenchReport(Name, $"{Figures.Count(WriterCandles)} candles through the writer, "
                + $"{Pages} pages of {PageSize} committed directly; synchronous=FULL, write-ahead log");
            await using var store = new SqlMarketStore(new SqliteDialect(Path.Combine(folder, "bench.db")),
                TimeProvider.System);
            await store.MigrateAsync(cancellationToken);

            var options = new StorageOptions { QueueCapacity = WriterCandles };
            var events = new HealthEvents(NullLogger<HealthEvents>.Instance,
                new CoinSourceMetrics(new BenchMeterFactory()), new ActivityFeed(TimeProvider.System));
            var writer = new StorageWriter(store, options, TimeProvider.System, events, NullLogger<StorageWriter>.Instance);
            await writer.StartAsync(cancellationToken);
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < WriterCandles; i++)
            {
                writer.Enqueue(new CandlesWrite(Series, "bench", Start, [Candle(i)]));
            }

            await writer.StopAsync(cancellationToken);
            double seconds = clock.Elapsed.TotalSeconds;
            report.Aim("writer", $"{(WriterCandles / seconds).ToString("N0", CultureInfo.InvariantCulture)} candles/s "
                + $"in {Figures.Count(writer.CommittedBatches)} batches", ">= 10,000 candles/s",
                WriterCandles / seconds >= 10_000);

            List<double> pages = [];
            for (int p = 0; p < Pages; p++)
            {
                var page = Enumerable.Range(WriterCandles + (p * PageSize), PageSize).Select(Candle).ToList();
                clock.Restart();
                await store.WriteAsync([new CandlesWrite(Series, "bench", Start, page)],
                    cancellationToken);
                pages.Add(clock.Elapsed.TotalMilliseconds);
            }

            report.Aim("page commit", $"median {Figures.Ms(Stats.Median(pages))}, p95 "
                + Figures.Ms(Stats.Percentile(pages, 95)), "median <= 100 ms", Stats.Median(pages) <= 100);
            return report;
        }
        finally
        {
            SqliteDialect.ReleaseFile();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static readonly CandleSeries Series = new("BTC", "USDT", CandleInterval.OneMinute);

    private static Candle Candle(int i)
    {
        decimal open = 50_000m + (i % 1000);
        return new Candle(Start.AddMinutes(i), open, open + 10.5m, open - 9.25m, open + 1.125m, 12.5m);
    }

    private sealed class BenchMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
