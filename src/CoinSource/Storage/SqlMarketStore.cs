using System.Data.Common;
using System.Runtime.CompilerServices;
using CoinSource.Market;

namespace CoinSource.Storage;

/// <summary>
/// The store over any <see cref="SqlDialect"/>: plain parameterised SQL that SQLite and PostgreSQL both run. The
/// schema is created or migrated on first use.
/// </summary>
public sealed class SqlMarketStore(SqlDialect dialect, TimeProvider time) : IMarketStore, IAsyncDisposable
{
    private const int ReadPage = 5000;

    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    public string Description => dialect.Description;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrateGate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await ApplyMigrationsAsync(cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<StoreWrite> writes,
        CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        List<string> refused = [];
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new SqlWriteBatch(connection, transaction);
        foreach (var write in writes)
        {
            switch (write)
            {
                case CandlesWrite candles:
                    refused.AddRange(await batch.CandlesAsync(candles, cancellationToken));
                    break;
                case QuoteWrite quote:
                    await batch.QuoteAsync(quote, cancellationToken);
                    break;
                case TransitionWrite transition:
                    await batch.TransitionAsync(transition, cancellationToken);
                    break;
                case AttemptWrite attempt:
                    await batch.AttemptAsync(attempt, cancellationToken);
                    break;
                case NewsWrite news:
                    await batch.NewsAsync(news, cancellationToken);
                    break;
                default:
                    throw new ArgumentException($"the store cannot keep a {write.GetType().Name}", nameof(writes));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return refused;
    }

    public async Task<StoredQuote?> LastQuoteAsync(string symbol, string quoteCurrency,
        CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT price, change_24h_percent, high_24h, low_24h, volume_24h, quoted_at, source, fetched_at
            FROM quotes WHERE symbol = @symbol AND quote_currency = @quote
            """, ("symbol", symbol), ("quote", quoteCurrency));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var quote = new Quote
        {
            Symbol = symbol,
            QuoteCurrency = quoteCurrency,
            Price = reader.GetDecimal(0),
            Change24hPercent = OptionalDecimal(reader, 1),
            High24h = OptionalDecimal(reader, 2),
            Low24h = OptionalDecimal(reader, 3),
            Volume24h = OptionalDecimal(reader, 4),
            Timestamp = Time(reader.GetInt64(5)),
        };
        return new StoredQuote(quote, reader.GetString(6), Time(reader.GetInt64(7)));
    }

    public async Task<StoredCandles?> CandlesAsync(CandleSeries series, DateTimeOffset? from, DateTimeOffset? to,
        int limit, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);

        // From a start, the first candles after it; otherwise the latest ones, read newest first.
        string order = from is null ? "DESC" : "ASC";
        await using var command = Command(connection, $"""
            SELECT open_time, open, high, low, close, volume, source, fetched_at FROM candles
            WHERE symbol = @symbol AND quote_currency = @quote AND candle_interval = @interval
              AND open_time >= @from AND open_time <= @to
            ORDER BY open_time {order} LIMIT @limit
            """, SeriesParameters(series,
            ("from", from?.ToUnixTimeMilliseconds() ?? long.MinValue),
            ("to", to?.ToUnixTimeMilliseconds() ?? long.MaxValue),
            ("limit", limit)));
        List<Candle> candles = [];
        (string Source, long FetchedAt) newest = ("", long.MinValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candles.Add(ReadCandle(reader));
            if (reader.GetInt64(7) > newest.FetchedAt)
            {
                newest = (reader.GetString(6), reader.GetInt64(7));
            }
        }

        if (candles.Count == 0)
        {
            return null;
        }

        candles.Sort((a, b) => a.OpenTime.CompareTo(b.OpenTime));
        return new StoredCandles(candles, newest.Source, Time(newest.FetchedAt));
    }

    public async Task<int> CountCandlesAsync(CandleSeries series, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT COUNT(*) FROM candles
            WHERE symbol = @symbol AND quote_currency = @quote AND candle_interval = @interval
              AND open_time >= @from AND open_time < @to
            """, SeriesParameters(series, ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds())));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    public async IAsyncEnumerable<Candle> ReadCandlesAsync(CandleSeries series, DateTimeOffset from,
        DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = from;
        while (true)
        {
            var page = await CandlesAsync(series, cursor, to.AddMilliseconds(-1), ReadPage, cancellationToken);
            if (page is null)
            {
                yield break;
            }

            foreach (var candle in page.Candles)
            {
                yield return candle;
            }

            if (page.Candles.Count < ReadPage)
            {
                yield break;
            }

            cursor = page.Candles[^1].OpenTime.AddMilliseconds(1);
        }
    }

    public async Task<IReadOnlyList<StoredTransition>> TransitionsAsync(DateTimeOffset since,
        CancellationToken cancellationToken, string? source = null)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);

        // The last change before the window says what state each source was in when the window opened.
        await using var command = Command(connection, """
            SELECT source, at, from_state, to_state FROM health_transitions
            WHERE (at >= @since
                   OR id IN (SELECT MAX(id) FROM health_transitions WHERE at < @since GROUP BY source))
              AND (@source = '' OR source = @source)
            ORDER BY at, id
            """, ("since", since.ToUnixTimeMilliseconds()), ("source", source ?? ""));
        List<StoredTransition> transitions = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            transitions.Add(new StoredTransition(reader.GetString(0), Time(reader.GetInt64(1)), reader.GetString(2),
                reader.GetString(3)));
        }

        return transitions;
    }

    public async Task<IReadOnlyList<StoredAttempt>> AttemptsAsync(DateTimeOffset since,
        CancellationToken cancellationToken, string? source = null)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT source, at, success, latency_ms FROM source_attempts
            WHERE at >= @since AND (@source = '' OR source = @source)
            ORDER BY at, id
            """, ("since", since.ToUnixTimeMilliseconds()), ("source", source ?? ""));
        List<StoredAttempt> attempts = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            attempts.Add(new StoredAttempt(reader.GetString(0), Time(reader.GetInt64(1)), reader.GetInt32(2) != 0,
                reader.GetDouble(3)));
        }

        return attempts;
    }

    public async Task<int> CountNewsAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT COUNT(*) FROM news");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The schema versions applied, in order.</summary>
    public async Task<IReadOnlyList<int>> SchemaVersionsAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT version FROM schema_version ORDER BY version");
        List<int> versions = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    /// <summary>Removes attempts older than <paramref name="before"/>: uptime looks back 7 days, no further.</summary>
    public async Task PruneAttemptsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM source_attempts WHERE at < @before",
            ("before", before.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        (dialect as IDisposable)?.Dispose();
        _migrateGate.Dispose();
        return ValueTask.CompletedTask;
    }

    internal static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    internal static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private static (string, object?)[] SeriesParameters(CandleSeries series, params (string, object?)[] more) =>
    [
        ("symbol", series.Symbol), ("quote", series.QuoteCurrency), ("interval", series.Interval.Name()), .. more,
    ];

    private static Candle ReadCandle(DbDataReader reader) => new(Time(reader.GetInt64(0)), reader.GetDecimal(1),
        reader.GetDecimal(2), reader.GetDecimal(3), reader.GetDecimal(4), reader.GetDecimal(5));

    private static decimal? OptionalDecimal(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    private async Task ApplyMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await dialect.PrepareAsync(connection, cancellationToken);
        await using (var create = Command(connection,
                   "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var migrations = SchemaMigrations.For(dialect);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken);
        await using var current = Command(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        current.Transaction = transaction;
        int version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);
        for (int next = version + 1; next <= migrations.Count; next++)
        {
            foreach (string statement in migrations[next - 1])
            {
                await using var step = Command(connection, statement);
                step.Transaction = transaction;
                await step.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = Command(connection,
                "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)",
                ("version", next), ("at", time.GetUtcNow().ToUnixTimeMilliseconds()));
            record.Transaction = transaction;
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
