using System.Data.Common;
using CoinSource.Caching;
using CoinSource.Market;
using CoinSource.News;
using CoinSource.Routing;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Storage;

/// <summary>
/// Where the services meet the store: every fresh, validated answer is queued for keeping (never awaited on the
/// request path), and when every source failed and the in-memory cache holds nothing, the stored last good data is
/// served instead, marked stale with its age, as the in-memory fallback does.
/// </summary>
public sealed partial class MarketHistory(
    StorageWriter writer,
    IMarketStore store,
    TimeProvider time,
    IOptionsMonitor<CacheOptions> options,
    ILogger<MarketHistory> logger)
{
    /// <summary>Passes a routed result through, queueing its value for the store when it succeeded.</summary>
    public async Task<RoutedResult<T>> KeepingAsync<T>(Task<RoutedResult<T>> routing,
        Func<T, string, DateTimeOffset, StoreWrite> toWrite)
    {
        var routed = await routing;
        if (routed.IsSuccess)
        {
            writer.Enqueue(toWrite(routed.Value, routed.Source, time.GetUtcNow()));
        }

        return routed;
    }

    public static StoreWrite QuoteWrite(Quote quote, string source, DateTimeOffset at) =>
        new QuoteWrite(quote, source, at);

    public static Func<IReadOnlyList<Candle>, string, DateTimeOffset, StoreWrite> CandlesWrite(CandleQuery query) =>
        (candles, source, at) => new CandlesWrite(SeriesOf(query.Pair, query.Interval), source, at, candles);

    public static StoreWrite NewsWrite(IReadOnlyList<NewsItem> items, string source, DateTimeOffset at) =>
        new NewsWrite(items, at);

    public static CandleSeries SeriesOf(AssetPair pair, CandleInterval interval) =>
        new(pair.Base, pair.Quote, interval);

    public async Task<CachedResult<Quote>> OrStoredAsync(CachedResult<Quote> result, AssetPair pair, string? pinned,
        CancellationToken cancellationToken)
    {
        if (!NeedsHistory(result))
        {
            return result;
        }

        var stored = await ReadAsync(() => store.LastQuoteAsync(pair.Base, pair.Quote, cancellationToken));
        return stored is null ? result : Stale(result, stored.Quote, stored.Source, stored.FetchedAt, pinned);
    }

    public async Task<CachedResult<IReadOnlyList<Candle>>> OrStoredAsync(CachedResult<IReadOnlyList<Candle>> result,
        CandleQuery query, string? pinned, CancellationToken cancellationToken)
    {
        if (!NeedsHistory(result))
        {
            return result;
        }

        var stored = await ReadAsync(() => store.CandlesAsync(SeriesOf(query.Pair, query.Interval), query.Start,
            query.End, query.Limit, cancellationToken));
        return stored is null ? result : Stale(result, stored.Candles, stored.Source, stored.FetchedAt, pinned);
    }

    /// <summary>Only a failure with nothing cached asks the store; "not listed" and a caller gone never do.</summary>
    private static bool NeedsHistory<T>(CachedResult<T> result) =>
        !result.HasValue && !result.Routed.NotListedAnywhere && !result.Routed.WasCancelled;

    private CachedResult<T> Stale<T>(CachedResult<T> failed, T value, string source, DateTimeOffset fetchedAt,
        string? pinned)
    {
        var age = time.GetUtcNow() - fetchedAt;
        bool otherSource = pinned is not null && !source.Equals(pinned, StringComparison.OrdinalIgnoreCase);
        if (age > options.CurrentValue.MaxStaleAge || otherSource)
        {
            return failed;
        }

        return new CachedResult<T>
        {
            Routed = failed.Routed,
            Value = value,
            Source = source,
            FromCache = true,
            Stale = true,
            FetchedAt = fetchedAt,
            Age = age < TimeSpan.Zero ? TimeSpan.Zero : age,
        };
    }

    private async Task<T?> ReadAsync<T>(Func<Task<T?>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException
                                      or UnauthorizedAccessException)
        {
            // The store is a fallback: when it cannot answer, the request fails as it would have without it.
            LogReadFailed(logger, store.Description, e.Message);
            return null;
        }
    }

    [LoggerMessage(EventId = 6010, EventName = "StorageReadFailed", Level = LogLevel.Warning,
        Message = "storage {Store} could not be read for the last good data: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string store, string reason);
}
