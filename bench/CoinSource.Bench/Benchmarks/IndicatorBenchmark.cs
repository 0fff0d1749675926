using System.Diagnostics;
using System.Globalization;
using CoinSource.Bench.Reporting;
using CoinSource.Indicators;

namespace CoinSource.Bench.Benchmarks;

/// <summary>Candles per second of each indicator over a million candles, in one pass, and bytes allocated per candle.</summary>
public sealed class IndicatorBenchmark : IBenchmark
{
    private const int Candles = 1_000_000;
    private const int Runs = 5;

    public string Name => "indicators";

    public string Summary => "candles per second of each indicator over 1,000,000 candles";

    public Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var bars = Walk(Candles);
        var report = new BenchReport(Name, $"{Figures.Count(Candles)} candles, median of {Runs} runs after a warm-up");
        report.Note("each run: one indicator with default parameters; B/candle counts the result array itself (one "
            + "struct per candle), so a figure equal to the result size means no allocation per candle; the kernel "
            + "rows run the same computation from a column of closes into a kept buffer of values");
        foreach (var definition in IndicatorCatalog.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var arguments = new IndicatorArguments(definition.Parameters.ToDictionary(p => p.Name, p => p.Default));
            definition.Calculate(bars, arguments);

            List<double> times = [];
            long allocated = 0;
            for (int run = 0; run < Runs; run++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                definition.Calculate(bars, arguments);
                times.Add(clock.Elapsed.TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            double ms = Stats.Median(times);
            var result = definition.Calculate(bars, arguments);
            double perCandle = allocated / (double)Candles;
            string value = $"{Figures.Ms(ms)}, {(Candles / (ms / 1000)).ToString("N0", CultureInfo.InvariantCulture)}"
                + $" candles/s, {perCandle.ToString("0.0", CultureInfo.InvariantCulture)} B/candle"
                + $" ({result.GetType().GetElementType()!.Name} array)";
            report.Info(definition.Name, value);
        }

        MeasureKernels(bars, report, cancellationToken);
        return Task.FromResult(report);
    }

    /// <summary>
    /// The column kernels that the three running-sum indicators are built on: closes in, values out, into a buffer
    /// the caller keeps. This is the one pass over the data itself; the rows above add building the result records.
    /// </summary>
    private static void MeasureKernels(Bar[] bars, BenchReport report, CancellationToken cancellationToken)
    {
        double[] closes = Array.ConvertAll(bars, bar => bar.Close);
        double[] destination = new double[closes.Length];
        (string Name, int Period, CloseColumn.Kernel Kernel)[] kernels =
            [("sma", 20, Sma.Compute), ("ema", 20, Ema.Compute), ("rsi", 14, Rsi.Compute)];
        foreach (var (name, period, kernel) in kernels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            kernel(closes, destination, period);
            List<double> times = [];
            long allocated = 0;
            for (int run = 0; run < Runs; run++)
            {
                // GetTimestamp rather than a Stopwatch object, so the figure counts only what the kernel allocates.
                long before = GC.GetAllocatedBytesForCurrentThread();
                long started = Stopwatch.GetTimestamp();
                kernel(closes, destination, period);
                var elapsed = Stopwatch.GetElapsedTime(started);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                times.Add(elapsed.TotalMilliseconds);
            }

            double ms = Stats.Median(times);
            string value = $"{Figures.Ms(ms)}, {(Candles / (ms / 1000)).ToString("N0", CultureInfo.InvariantCulture)}"
                + $" candles/s, {allocated} B allocated";
            report.Aim($"{name} kernel", value, "<= 5 ms, 0 B", ms <= 5 && allocated == 0);
        }
    }

    private static Bar[] Walk(int count)
    {
        // A fixed seed: every run measures the same candles.
        var random = new Random(7860);
        var bars = new Bar[count];
        double close = 100;
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < count; i++)
        {
            double open = close;
            close = Math.Max(1, close * (1 + ((random.NextDouble() - 0.5) * 0.02)));
            double high = Math.Max(open, close) * 1.002;
            double low = Math.Min(open, close) * 0.998;
            bars[i] = new Bar(start.AddMinutes(i), open, high, low, close, random.NextDouble() * 1000);
        }

        return bars;
    }
}
