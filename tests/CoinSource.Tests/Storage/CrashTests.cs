using System.Globalization;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CoinSource.Tests.Storage;

/// <summary>
/// The real program killed with SIGKILL while it writes candles: the SQLite file stays consistent and keeps every
/// candle that was committed. "Committed" is what another connection could read before the kill: a reader sees a
/// transaction only once it has committed.
/// </summary>
public sealed class CrashTests
{
    private const string Series = "symbol = 'BTC' AND quote_currency = 'USDT' AND candle_interval = '1m'";

    [Fact]
    public async Task Backfill_KilledMidWrite_FileConsistentAndEveryCommittedCandleKept()
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        string path = TempDatabase.NewPath();
        var from = upstream.Market.Now.AddDays(-365);
        try
        {
            using var process = ProgramProcess.Start(new Dictionary<string, string>
            {
                ["STORAGE_SQLITE_PATH"] = path,
                ["SOURCE_BINANCE_URL"] = upstream.BaseUrl("binance").AbsoluteUri,
                ["SOURCE_BINANCE_BUDGET"] = "none",
                ["UPSTREAM_TIMEOUT_MS"] = "30000",
            }, "backfill", "--symbols", "BTC", "--quote", "USDT", "--intervals", "1m", "--from",
                from.ToString("O", CultureInfo.InvariantCulture), "--source", "binance");
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

            // A year of minutes is over 500 pages: the program is still writing when a few of them are in.
            await Eventually.TrueAsync(() => process.HasExited || Committed(path).Count >= 5000,
                "five pages are committed", 180_000);
            var seen = Committed(path);
            bool ranToTheEnd = process.HasExited;
            process.Kill();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            await Task.WhenAll(output, error);

            Assert.False(ranToTheEnd, $"the backfill ended before the kill: {await output} {await error}");
            Assert.Equal(137, process.ExitCode);
            using var connection = Open(path);
            Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
            long kept = Convert.ToInt64(Scalar(connection,
                $"SELECT COUNT(*) FROM candles WHERE {Series} AND open_time <= {seen.Last}"), CultureInfo.InvariantCulture);
            Assert.Equal(seen.Count, kept);

            // Pages are committed in order, so what was seen is every minute from the first to the last seen.
            Assert.Equal(seen.Count, ((seen.Last - seen.First) / 60_000) + 1);
        }
        finally
        {
            TempDatabase.Delete(path);
        }
    }

    private static (long Count, long First, long Last) Committed(string path)
    {
        if (!File.Exists(path))
        {
            return (0, 0, 0);
        }

        try
        {
            using var connection = Open(path);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*), MIN(open_time), MAX(open_time) FROM candles WHERE {Series}";
            using var reader = command.ExecuteReader();
            reader.Read();
            return reader.GetInt64(0) == 0 ? (0, 0, 0) : (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        catch (SqliteException)
        {
            // The program has not created its tables yet.
            return (0, 0, 0);
        }
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
