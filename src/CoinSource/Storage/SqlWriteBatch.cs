using System.Data.Common;
using CoinSource.Market;
using CoinSource.Sources.Shared;

namespace CoinSource.Storage;

/// <summary>
/// The statements of one write transaction; each candle is checked against the OHLC rules first. Each statement is
/// built once per batch and run again with new values, so the database parses it once, not once per row.
/// </summary>
internal sealed class SqlWriteBatch(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> CandlesAsync(CandlesWrite write, CancellationToken cancellationToken)
    {
        List<string> refused = [];
        foreach (var candle in write.Candles)
        {
            if (MarketDataRules.OhlcProblem(candle) is { } problem)
            {
                refused.Add($"{write.Series} from {write.Source}: {problem}");
                continue;
            }

            await ExecuteAsync("""
                INSERT INTO candles (symbol, quote_currency, candle_interval, open_time, open, high, low, close, volume,
                                     source, fetched_at)
                VALUES (@symbol, @quote, @interval, @openTime, @open, @high, @low, @close, @volume, @source, @fetchedAt)
                ON CONFLICT (symbol, quote_currency, candle_interval, open_time) DO UPDATE SET
                    open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
                    volume = excluded.volume, source = excluded.source, fetched_at = excluded.fetched_at
                """, cancellationToken,
                ("symbol", write.Series.Symbol), ("quote", write.Series.QuoteCurrency),
                ("interval", write.Series.Interval.Name()), ("openTime", candle.OpenTime.ToUnixTimeMilliseconds()),
                ("open", candle.Open), ("high", candle.High), ("low", candle.Low), ("close", candle.Close),
                ("volume", candle.Volume), ("source", write.Source),
                ("fetchedAt", write.FetchedAt.ToUnixTimeMilliseconds()));
        }

        return refused;
    }

    public Task QuoteAsync(QuoteWrite write, CancellationToken cancellationToken)
    {
        var q = write.Quote;
        return ExecuteAsync("""
            INSERT INTO quotes (symbol, quote_currency, price, change_24h_percent, high_24h, low_24h, volume_24h,
                                quoted_at, source, fetched_at)
            VALUES (@symbol, @quote, @price, @change, @high, @low, @volume, @quotedAt, @source, @fetchedAt)
            ON CONFLICT (symbol, quote_currency) DO UPDATE SET
                price = excluded.price, change_24h_percent = excluded.change_24h_percent,
                high_24h = excluded.high_24h, low_24h = excluded.low_24h, volume_24h = excluded.volume_24h,
                quoted_at = excluded.quoted_at, source = excluded.source, fetched_at = excluded.fetched_at
            """, cancellationToken,
            ("symbol", q.Symbol), ("quote", q.QuoteCurrency), ("price", q.Price), ("change", q.Change24hPercent),
            ("high", q.High24h), ("low", q.Low24h), ("volume", q.Volume24h),
            ("quotedAt", q.Timestamp.ToUnixTimeMilliseconds()), ("source", write.Source),
            ("fetchedAt", write.FetchedAt.ToUnixTimeMilliseconds()));
    }

    public Task TransitionAsync(TransitionWrite write, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO health_transitions (source, at, from_state, to_state, reason)
            VALUES (@source, @at, @from, @to, @reason)
            """, cancellationToken,
            ("source", write.Source), ("at", write.Transition.At.ToUnixTimeMilliseconds()),
            ("from", write.Transition.From.ToString()), ("to", write.Transition.To.ToString()),
            ("reason", write.Transition.Reason));

    public Task AttemptAsync(AttemptWrite write, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO source_attempts (source, at, success, latency_ms) VALUES (@source, @at, @success, @latency)
            """, cancellationToken,
            ("source", write.Source), ("at", write.At.ToUnixTimeMilliseconds()), ("success", write.Success ? 1 : 0),
            ("latency", write.LatencyMs));

    public async Task NewsAsync(NewsWrite write, CancellationToken cancellationToken)
    {
        foreach (var item in write.Items)
        {
            await ExecuteAsync("""
                INSERT INTO news (link, title, source, publisher, published_at, summary, fetched_at)
                VALUES (@link, @title, @source, @publisher, @published, @summary, @fetchedAt)
                ON CONFLICT (link) DO UPDATE SET
                    title = excluded.title, source = excluded.source, publisher = excluded.publisher,
                    published_at = excluded.published_at, summary = excluded.summary, fetched_at = excluded.fetched_at
                """, cancellationToken,
                ("link", item.Link.AbsoluteUri), ("title", item.Title), ("source", item.Source),
                ("publisher", item.Publisher), ("published", item.Published.ToUnixTimeMilliseconds()),
                ("summary", item.Summary), ("fetchedAt", write.FetchedAt.ToUnixTimeMilliseconds()));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] values)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            for (int i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i].Value ?? DBNull.Value;
            }
        }
        else
        {
            command = SqlMarketStore.Command(connection, sql, values);
            command.Transaction = transaction;
            _commands[sql] = command;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
