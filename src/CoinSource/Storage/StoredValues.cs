using CoinSource.Market;

namespace CoinSource.Storage;

/// <summary>The last good quote of a pair as stored, with who served it and when.</summary>
public sealed record StoredQuote(Quote Quote, string Source, DateTimeOffset FetchedAt);

/// <summary>
/// Stored candles of one series, oldest first. <see cref="Source"/> and <see cref="FetchedAt"/> are those of the
/// most recently fetched candle among them: the age a stale answer reports.
/// </summary>
public sealed record StoredCandles(IReadOnlyList<Candle> Candles, string Source, DateTimeOffset FetchedAt);

/// <summary>A stored state change of a source.</summary>
public sealed record StoredTransition(string Source, DateTimeOffset At, string From, string To);

/// <summary>A stored attempt: when, whether it succeeded, how long it took.</summary>
public sealed record StoredAttempt(string Source, DateTimeOffset At, bool Success, double LatencyMs);
