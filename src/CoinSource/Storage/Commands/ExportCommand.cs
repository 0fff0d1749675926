using System.Globalization;
using CoinSource.Market;
using Parquet;
using Parquet.Schema;

namespace CoinSource.Storage.Commands;

/// <summary>Writes the stored candles of one series to a CSV or Parquet file, oldest first.</summary>
public sealed class ExportCommand(IMarketStore store, TimeProvider time)
{
    public const string Usage = "export --symbol BTC --interval 1h --format csv|parquet --out FILE "
        + "[--from 2026-01-01] [--to 2026-03-01] [--quote USD]";

    private const int RowGroupSize = 50_000;

    private static readonly DataField<DateTime> OpenTime = new("open_time");
    private static readonly DataField<decimal>[] Prices = [new("open"), new("high"), new("low"), new("close"), new("volume")];

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var a = CommandArguments.Parse(args, "symbol", "interval", "format", "out", "from", "to", "quote");
        var pairs = a.Pairs("symbol", a.Text("quote"));
        var intervals = a.Intervals("interval");
        string? format = a.Required("format")?.ToLowerInvariant();
        string? path = a.Required("out");
        var from = a.Time("from") ?? DateTimeOffset.UnixEpoch;
        var to = a.Time("to") ?? time.GetUtcNow();
        if (a.IsValid && (pairs.Count != 1 || intervals.Count != 1))
        {
            a.Fail("export takes one --symbol and one --interval");
        }

        if (a.IsValid && format is not ("csv" or "parquet"))
        {
            a.Fail($"--format: '{format}' is not csv or parquet");
        }

        if (a.IsValid && from >= to)
        {
            a.Fail("--from must be before --to");
        }

        if (!a.IsValid)
        {
            throw new CommandException(a.Error);
        }

        var series = MarketHistory.SeriesOf(pairs[0], intervals[0]);
        int count = await store.CountCandlesAsync(series, from, to, cancellationToken);
        if (count == 0)
        {
            output.WriteLine($"no stored candles of {series} in that range; run backfill first");
            return 1;
        }

        var candles = store.ReadCandlesAsync(series, from, to, cancellationToken);
        await using (var file = File.Create(path!))
        {
            await (format == "csv"
                ? WriteCsvAsync(candles, file, cancellationToken)
                : WriteParquetAsync(candles, file, cancellationToken));
        }

        output.WriteLine($"exported {count} candles of {series} to {path}");
        return 0;
    }

    public static async Task WriteCsvAsync(IAsyncEnumerable<Candle> candles, Stream file,
        CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(file);
        await writer.WriteLineAsync("open_time,open,high,low,close,volume");
        await foreach (var c in candles.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{c.OpenTime.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{c.Open},{c.High},{c.Low},{c.Close},{c.Volume}"));
        }
    }

    /// <summary>Columns open_time (UTC timestamp) and open, high, low, close, volume (decimals), in row groups.</summary>
    public static async Task WriteParquetAsync(IAsyncEnumerable<Candle> candles, Stream file,
        CancellationToken cancellationToken)
    {
        var schema = new ParquetSchema([OpenTime, .. Prices]);
        await using var writer = await ParquetWriter.CreateAsync(schema, file, cancellationToken: cancellationToken);
        List<Candle> group = new(RowGroupSize);
        await foreach (var candle in candles.WithCancellation(cancellationToken))
        {
            group.Add(candle);
            if (group.Count == RowGroupSize)
            {
                await WriteGroupAsync(writer, group, cancellationToken);
                group.Clear();
            }
        }

        if (group.Count > 0)
        {
            await WriteGroupAsync(writer, group, cancellationToken);
        }
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, List<Candle> group,
        CancellationToken cancellationToken)
    {
        using var rows = writer.CreateRowGroup();
        await rows.WriteAsync<DateTime>(OpenTime, group.Select(c => c.OpenTime.UtcDateTime).ToArray(),
            cancellationToken: cancellationToken);
        Func<Candle, decimal>[] columns = [c => c.Open, c => c.High, c => c.Low, c => c.Close, c => c.Volume];
        for (int i = 0; i < Prices.Length; i++)
        {
            await rows.WriteAsync<decimal>(Prices[i], group.Select(columns[i]).ToArray(),
                cancellationToken: cancellationToken);
        }
    }
}
