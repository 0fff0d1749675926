using CoinSource.Market;

namespace CoinSource.Storage;

/// <summary>
/// CoinSource's durable history: candles, last good quotes, source health and news. One implementation over
/// SQLite and PostgreSQL; both create and migrate their schema on first use.
/// </summary>
public interface IMarketStore
{
    /// <summary>The backend in words, without secrets: "sqlite data/coinsource.db", "postgresql".</summary>
    string Description { get; }

    /// <summary>Creates the schema or brings it to the current version; safe to call again.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Commits every write in one transaction: all of them are stored, or none.</summary>
    /// <returns>The candles refused for breaking the OHLC rules, with the reason.</returns>
    Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken);

    Task<StoredQuote?> LastQuoteAsync(string symbol, string quoteCurrency, CancellationToken cancellationToken);

    /// <summary>
    /// Candles opening within [from, to] (either open), oldest first: the first <paramref name="limit"/> from
    /// <paramref name="from"/> when it is given, otherwise the latest <paramref name="limit"/>.
    /// </summary>
    Task<StoredCandles?> CandlesAsync(CandleSeries series, DateTimeOffset? from, DateTimeOffset? to, int limit,
        CancellationToken cancellationToken);

    /// <summary>How many candles of a series open within [from, to).</summary>
    Task<int> CountCandlesAsync(CandleSeries series, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken);

    /// <summary>Every candle of a series within [from, to), oldest first, read in pages.</summary>
    IAsyncEnumerable<Candle> ReadCandlesAsync(CandleSeries series, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken);

    /// <summary>
    /// State changes since <paramref name="since"/>, plus each source's last one before it, oldest first; of one
    /// source when <paramref name="source"/> is given.
    /// </summary>
    Task<IReadOnlyList<StoredTransition>> TransitionsAsync(DateTimeOffset since, CancellationToken cancellationToken,
        string? source = null);

    /// <summary>Attempts since <paramref name="since"/>, oldest first; of one source when it is given.</summary>
    Task<IReadOnlyList<StoredAttempt>> AttemptsAsync(DateTimeOffset since, CancellationToken cancellationToken,
        string? source = null);

    /// <summary>Stored headlines, newest first.</summary>
    Task<int> CountNewsAsync(CancellationToken cancellationToken);
}
