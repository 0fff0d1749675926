namespace CoinSource.Storage;

/// <summary>
/// The schema, version by version. A migration is applied once, in one transaction with its row in
/// <c>schema_version</c>; a new version is a new entry at the end, never an edit of an applied one.
/// </summary>
/// <remarks>
/// Candles are keyed by (symbol, quote currency, interval, open time): one candle per series and time whichever
/// source served it, so a duplicate cannot exist; a later fetch replaces the stored candle and its source.
/// Times are Unix milliseconds in both backends.
/// </remarks>
public static class SchemaMigrations
{
    public static IReadOnlyList<string[]> For(SqlDialect dialect)
    {
        string d = dialect.DecimalType;
        string id = dialect.IdentityColumn;
        return
        [
            [
                $"""
                CREATE TABLE candles (
                    symbol TEXT NOT NULL,
                    quote_currency TEXT NOT NULL,
                    candle_interval TEXT NOT NULL,
                    open_time BIGINT NOT NULL,
                    open {d} NOT NULL,
                    high {d} NOT NULL,
                    low {d} NOT NULL,
                    close {d} NOT NULL,
                    volume {d} NOT NULL,
                    source TEXT NOT NULL,
                    fetched_at BIGINT NOT NULL,
                    PRIMARY KEY (symbol, quote_currency, candle_interval, open_time))
                """,
                $"""
                CREATE TABLE quotes (
                    symbol TEXT NOT NULL,
                    quote_currency TEXT NOT NULL,
                    price {d} NOT NULL,
                    change_24h_percent {d},
                    high_24h {d},
                    low_24h {d},
                    volume_24h {d},
                    quoted_at BIGINT NOT NULL,
                    source TEXT NOT NULL,
                    fetched_at BIGINT NOT NULL,
                    PRIMARY KEY (symbol, quote_currency))
                """,
                $"""
                CREATE TABLE health_transitions (
                    id {id},
                    source TEXT NOT NULL,
                    at BIGINT NOT NULL,
                    from_state TEXT NOT NULL,
                    to_state TEXT NOT NULL,
                    reason TEXT NOT NULL)
                """,
                "CREATE INDEX ix_health_transitions_at ON health_transitions (at)",
                $"""
                CREATE TABLE source_attempts (
                    id {id},
                    source TEXT NOT NULL,
                    at BIGINT NOT NULL,
                    success INTEGER NOT NULL,
                    latency_ms DOUBLE PRECISION NOT NULL)
                """,
                "CREATE INDEX ix_source_attempts_at ON source_attempts (at)",
                """
                CREATE TABLE news (
                    link TEXT PRIMARY KEY,
                    title TEXT NOT NULL,
                    source TEXT NOT NULL,
                    publisher TEXT NOT NULL,
                    published_at BIGINT NOT NULL,
                    summary TEXT NOT NULL,
                    fetched_at BIGINT NOT NULL)
                """,
                "CREATE INDEX ix_news_published_at ON news (published_at)",
            ],
        ];
    }
}
