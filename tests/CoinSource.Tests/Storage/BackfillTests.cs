using System.Globalization;
using System.Text;
using CoinSource.FakeUpstreams;
using CoinSource.Market;
using CoinSource.Storage;
using CoinSource.Storage.Commands;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Parquet;

namespace CoinSource.Tests.Storage;

/// <summary>
/// Backfill against the fake Binance, paging by time, interrupted and resumed; export read back from CSV and
/// Parquet; refused arguments through the real program.
/// </summary>
public sealed class BackfillTests : IAsyncLifetime
{
    private const int Hours = 2500;
    private static readonly CandleSeries Series = new("BTC", "USDT", CandleInterval.OneHour);

    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;
    private DateTimeOffset _from;
    private DateTimeOffset _to;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private IMarketStore Store => _host.Services.GetRequiredService<IMarketStore>();

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _host = new CoinSourceHost(_upstream, only: ["binance"]);
        _host.Client();
        _to = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 3600 * 3600);
        _from = _to.AddHours(-Hours);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Backfill_Range_EveryCandleStoredPageByPage()
    {
        var (exitCode, output) = await BackfillAsync(CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains($"BTC/USDT 1h: {Hours} of {Hours} candles stored (3 pages fetched, 0 already stored)", output,
            StringComparison.Ordinal);
        Assert.Equal(3, _upstream.Calls("binance"));
        var stored = await ReadAllAsync();
        Assert.Equal(Hours, stored.Count);
        Assert.Equal(_from, stored[0].OpenTime);
        Assert.Equal(_to.AddHours(-1), stored[^1].OpenTime);
        Assert.Empty(CandleGaps.Find(stored, CandleInterval.OneHour, _from));
    }

    [Fact]
    public async Task Backfill_InterruptedAfterFirstPage_RunAgainFetchesOnlyTheRest()
    {
        using var interrupt = new CancellationTokenSource();
        var progress = new CancelOnText("1000/2500", interrupt);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BackfillAsync(interrupt.Token, progress));
        int firstRun = _upstream.Calls("binance");
        int storedAfterInterruption = await Store.CountCandlesAsync(Series, _from, _to, Token);
        var (exitCode, output) = await BackfillAsync(CancellationToken.None);

        Assert.Equal(1, firstRun);
        Assert.Equal(1000, storedAfterInterruption);
        Assert.Equal(0, exitCode);
        Assert.Equal(3, _upstream.Calls("binance"));
        Assert.Contains("(2 pages fetched, 1 already stored)", output, StringComparison.Ordinal);
        Assert.Equal(Hours, (await ReadAllAsync()).Count);
    }

    [Fact]
    public async Task Export_CsvAndParquet_ReadBackEqualToStore()
    {
        await BackfillAsync(CancellationToken.None);
        var stored = await ReadAllAsync();
        string folder = Path.GetDirectoryName(TempDatabase.NewPath())!;
        Directory.CreateDirectory(folder);
        try
        {
            string csv = Path.Combine(folder, "btc.csv");
            string parquet = Path.Combine(folder, "btc.parquet");

            Assert.Equal(0, await ExportAsync("csv", csv));
            Assert.Equal(0, await ExportAsync("parquet", parquet));

            Assert.Equal(stored, ParseCsv(await File.ReadAllLinesAsync(csv, Token)));
            Assert.Equal(stored, await ReadParquetAsync(parquet));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Export_NothingStored_ExitOneAndNoFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.csv");

        Assert.Equal(1, await ExportAsync("csv", path));

        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("--intervals: '2h' is not one of", "backfill", "--symbols", "BTC", "--intervals", "2h", "--from", "2026-01-01")]
    [InlineData("--from is required", "backfill", "--symbols", "BTC", "--intervals", "1h")]
    [InlineData("--from: ", "backfill", "--symbols", "BTC", "--intervals", "1h", "--from", "yesterday")]
    [InlineData("--source: 'coingecko' is not a candle source", "backfill", "--symbols", "BTC", "--intervals", "1h",
        "--from", "2026-01-01", "--source", "coingecko")]
    [InlineData("unknown option '--symbolz'", "backfill", "--symbolz", "BTC")]
    [InlineData("--format: 'xlsx' is not csv or parquet", "export", "--symbol", "BTC", "--interval", "1h",
        "--format", "xlsx", "--out", "x")]
    public async Task Command_BadArguments_ExitTwoNamingTheOption(string message, params string[] args)
    {
        string path = TempDatabase.NewPath();
        try
        {
            var (exitCode, _, error) = await ProgramProcess.RunAsync(
                new Dictionary<string, string> { ["STORAGE_SQLITE_PATH"] = path }, args);

            Assert.Equal(2, exitCode);
            Assert.Contains($"coinsource {args[0]}: {message}", error, StringComparison.Ordinal);
            Assert.Contains("usage: ", error, StringComparison.Ordinal);
        }
        finally
        {
            TempDatabase.Delete(path);
        }
    }

    private async Task<(int ExitCode, string Output)> BackfillAsync(CancellationToken cancellationToken,
        TextWriter? progress = null)
    {
        var command = ActivatorUtilities.CreateInstance<BackfillCommand>(_host.Services);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode = await command.RunAsync(
            ["--symbols", "BTC", "--quote", "USDT", "--intervals", "1h", "--from", Iso(_from), "--to", Iso(_to),
                "--source", "binance"],
            output, total => new ProgressBar(progress ?? TextWriter.Null, interactive: false, total), cancellationToken);
        return (exitCode, output.ToString());
    }

    private async Task<int> ExportAsync(string format, string path)
    {
        var command = ActivatorUtilities.CreateInstance<ExportCommand>(_host.Services);
        return await command.RunAsync(["--symbol", "BTC", "--quote", "USDT", "--interval", "1h", "--format", format,
            "--out", path, "--from", Iso(_from), "--to", Iso(_to)], TextWriter.Null, Token);
    }

    private async Task<List<Candle>> ReadAllAsync()
    {
        List<Candle> candles = [];
        await foreach (var candle in Store.ReadCandlesAsync(Series, _from, _to, Token))
        {
            candles.Add(candle);
        }

        return candles;
    }

    private static List<Candle> ParseCsv(string[] lines)
    {
        Assert.Equal("open_time,open,high,low,close,volume", lines[0]);
        return [.. lines.Skip(1).Select(line => line.Split(',')).Select(f => new Candle(
            DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture), Dec(f[1]), Dec(f[2]), Dec(f[3]), Dec(f[4]),
            Dec(f[5])))];
    }

    private static async Task<List<Candle>> ReadParquetAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: Token);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["open_time", "open", "high", "low", "close", "volume"], fields.Select(f => f.Name));
        List<Candle> candles = [];
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int rows = (int)group.RowCount;
            var times = new DateTime[rows];
            await group.ReadAsync<DateTime>(fields[0], times, cancellationToken: Token);
            var values = new decimal[5][];
            for (int i = 0; i < 5; i++)
            {
                values[i] = new decimal[rows];
                await group.ReadAsync<decimal>(fields[i + 1], values[i], cancellationToken: Token);
            }

            candles.AddRange(Enumerable.Range(0, rows).Select(r => new Candle(
                new DateTimeOffset(DateTime.SpecifyKind(times[r], DateTimeKind.Utc)), values[0][r], values[1][r],
                values[2][r], values[3][r], values[4][r])));
        }

        return candles;
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Progress output that interrupts the run once it shows a given text, as Ctrl+C would.</summary>
    private sealed class CancelOnText(string text, CancellationTokenSource interrupt) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value)
        {
            if (value?.Contains(text, StringComparison.Ordinal) == true)
            {
                interrupt.Cancel();
            }
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
