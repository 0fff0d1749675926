using System.Globalization;
using CoinSource.Caching;
using CoinSource.Routing;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using CoinSource.Symbols;
using Microsoft.Extensions.Options;

namespace CoinSource.Market;

/// <summary>
/// A quote cross-checked between sources: several healthy sources are asked at once within a time budget; the
/// answer is the median of those that agree, with the spread, each source's price and age, and the sources left
/// out with the evidence. A source left out for its data is DEGRADED for that reason.
/// </summary>
public sealed class ConsensusService(
    MarketService market,
    SourceRouter router,
    MarketCache cache,
    TimeProvider time,
    IOptionsMonitor<ConsensusOptions> options,
    IOptionsMonitor<CacheOptions> cacheOptions)
{
    public const string SourceName = "consensus";

    public Task<CachedResult<ConsensusQuote>> GetAsync(AssetPair pair, CancellationToken cancellationToken) =>
        cache.GetAsync("consensus", $"consensus|{pair.Base}|{pair.Quote}", cacheOptions.CurrentValue.QuoteTtl,
            token => ComputeAsync(pair, token), cancellationToken);

    private async Task<RoutedResult<ConsensusQuote>> ComputeAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        string subject = $"{pair} consensus";
        var gathered = await router.GatherAsync(Capability.Quote, subject, market.QuoteSources(pair, null),
            settings.MaxSources, settings.Budget, (source, token) => source.GetQuoteAsync(pair, token),
            cancellationToken);

        DateTimeOffset now = time.GetUtcNow();
        var judged = Judge(gathered.Answers, now, settings);
        List<Attempt> attempts = [.. gathered.Attempts];
        attempts.AddRange(judged.Select(j => router.Settle(j.Answer, j.Failure, Capability.Quote, subject)));

        var agreeing = judged.Where(j => j.Failure is null).Select(j => j.Answer.Value.Price).ToList();
        if (agreeing.Count < 2)
        {
            return RoutedResult<ConsensusQuote>.Failed(attempts, null);
        }

        decimal price = Median(agreeing);
        return RoutedResult<ConsensusQuote>.Served(new ConsensusQuote
        {
            Symbol = pair.Base,
            QuoteCurrency = pair.Quote,
            Price = price,
            SpreadPercent = Math.Round((agreeing.Max() - agreeing.Min()) / price * 100m, 4),
            Sources = [.. judged.Select(j => j.Price)],
            Timestamp = now,
        }, SourceName, attempts);
    }

    /// <summary>Stale answers first, then prices too far from the median of the fresh ones.</summary>
    private static List<Judgement> Judge(IReadOnlyList<GatheredAnswer<Quote>> answers, DateTimeOffset now,
        ConsensusOptions settings)
    {
        var fresh = answers.Where(a => QuoteFreshness.Judge(a.Value, now, settings.MaxQuoteAge) is null)
            .Select(a => a.Value.Price).ToList();
        decimal median = fresh.Count == 0 ? 0m : Median(fresh);

        return [.. answers.Select(answer =>
        {
            var quote = answer.Value;
            double age = Math.Round((now - quote.Timestamp).TotalSeconds, 1);
            decimal deviation = median == 0m ? 0m : Math.Round(Math.Abs(quote.Price - median) / median * 100m, 4);
            var failure = QuoteFreshness.Judge(quote, now, settings.MaxQuoteAge)
                ?? (fresh.Count >= 3 && deviation > settings.MaxDeviationPercent
                    ? new UpstreamFailure(FailureKind.DataQuality, string.Create(CultureInfo.InvariantCulture,
                        $"data quality: price {quote.Price} is {deviation:0.##} % off the median {median} of "
                        + $"{fresh.Count} sources (limit {settings.MaxDeviationPercent} %)"))
                    : null);
            return new Judgement(answer, failure,
                new SourcePrice(answer.Source, quote.Price, age, deviation, failure is not null, failure?.Reason));
        })];
    }

    private static decimal Median(List<decimal> values)
    {
        var sorted = values.Order().ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    private sealed record Judgement(GatheredAnswer<Quote> Answer, UpstreamFailure? Failure, SourcePrice Price);
}
