using CoinSource.Caching;
using CoinSource.Routing;
using CoinSource.Sources;
using CoinSource.Storage;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Market;

/// <summary>
/// Quotes, candles and the ranking: picks the candidate sources for a request, and asks the cache, which asks the
/// router on a miss. A pinned source is the only candidate, so a pinned request never fails over.
/// </summary>
public sealed class MarketService(
    MarketCache cache,
    SourceRouter router,
    SourceCatalog catalog,
    TimeProvider time,
    IOptionsMonitor<CacheOptions> options,
    IOptionsMonitor<ConsensusOptions> quality,
    MarketHistory history)
{
    public IEnumerable<IQuoteSource> QuoteSources(AssetPair pair, string? pinned) =>
        catalog.Quotes.Where(s => s.Supports(pair) && Matches(s, pinned));

    public IEnumerable<ICandleSource> CandleSources(AssetPair pair, CandleInterval interval, string? pinned) =>
        catalog.Candles.Where(s => s.Supports(pair, interval) && Matches(s, pinned));

    public IEnumerable<ITopCoinsSource> TopCoinSources(string quoteCurrency, string? pinned) =>
        catalog.TopCoins.Where(s => s.SupportsQuote(quoteCurrency) && Matches(s, pinned));

    public async Task<CachedResult<Quote>> GetQuoteAsync(AssetPair pair, string? pinned,
        CancellationToken cancellationToken)
    {
        var result = await cache.GetAsync(Capability.Quote, $"quote|{pair.Base}|{pair.Quote}|{pinned}",
            options.CurrentValue.QuoteTtl,
            token => history.KeepingAsync(router.RouteAsync(Capability.Quote, pair.ToString(), QuoteSources(pair, pinned),
                async (source, t) => QuoteFreshness.Check(await source.GetQuoteAsync(pair, t), time.GetUtcNow(),
                    quality.CurrentValue.MaxQuoteAge), token), MarketHistory.QuoteWrite),
            cancellationToken);
        return await history.OrStoredAsync(result, pair, pinned, cancellationToken);
    }

    public async Task<CachedResult<IReadOnlyList<Candle>>> GetCandlesAsync(CandleQuery query, string? pinned,
        CancellationToken cancellationToken)
    {
        string subject = $"{query.Pair} {query.Interval.Name()}";
        string key = $"candles|{query.Pair}|{query.Interval.Name()}|{query.Limit}|{query.Start?.ToUnixTimeSeconds()}"
                     + $"|{query.End?.ToUnixTimeSeconds()}|{pinned}";
        var result = await cache.GetAsync(Capability.Candles, key, options.CurrentValue.CandlesTtl,
            token => history.KeepingAsync(router.RouteAsync(Capability.Candles, subject,
                CandleSources(query.Pair, query.Interval, pinned), (source, t) => source.GetCandlesAsync(query, t),
                token), MarketHistory.CandlesWrite(query)),
            cancellationToken);
        return await history.OrStoredAsync(result, query, pinned, cancellationToken);
    }

    public Task<CachedResult<IReadOnlyList<TopCoin>>> GetTopCoinsAsync(int limit, string quoteCurrency,
        string? pinned, CancellationToken cancellationToken)
    {
        return cache.GetAsync(Capability.TopCoins, $"top|{limit}|{quoteCurrency}|{pinned}",
            options.CurrentValue.TopCoinsTtl,
            token => router.RouteAsync(Capability.TopCoins, $"top {limit} in {quoteCurrency}",
                TopCoinSources(quoteCurrency, pinned),
                (source, t) => source.GetTopCoinsAsync(limit, quoteCurrency, t), token),
            cancellationToken);
    }

    private static bool Matches(IMarketSource source, string? pinned) =>
        pinned is null || source.Name.Equals(pinned, StringComparison.OrdinalIgnoreCase);
}
