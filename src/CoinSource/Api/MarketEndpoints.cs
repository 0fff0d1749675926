using CoinSource.Market;
using CoinSource.Sources;
using CoinSource.Storage;
using CoinSource.Symbols;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>Quotes, candles and the market-cap ranking.</summary>
public static class MarketEndpoints
{
    private const int MaxSymbols = 25;
    private const int MaxTopCoins = 250;

    public static IEndpointRouteBuilder MapMarketEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Market");

        api.MapGet("/quotes/{symbol}", GetQuoteAsync)
            .WithName("GetQuote")
            .WithSummary("Latest price of one symbol")
            .WithDescription("symbol: BTC, btc, bitcoin, BTC-USD, BTCUSDT... quote: USD (default), USDT, USDC, EUR, "
                + "BTC; a quote in the symbol wins and must agree. source: pin one source (no failover). "
                + "mode=consensus asks up to CONSENSUS_MAX_SOURCES healthy sources at once within CONSENSUS_BUDGET_MS "
                + "and answers the median of those that agree, the spread, each source's price and age, and the "
                + "outliers with the evidence: a stale timestamp, or (with three or more fresh answers) a price "
                + "further than CONSENSUS_MAX_DEVIATION_PERCENT from the median. Outliers' sources become DEGRADED.");

        api.MapGet("/quotes", GetQuotesAsync)
            .WithName("GetQuotes")
            .WithSummary("Latest prices of several symbols in one call")
            .WithDescription($"symbols: comma-separated, 1 to {MaxSymbols}. Each symbol is routed on its own; "
                + "one that fails is reported in its item's error and does not fail the others.");

        api.MapGet("/coins/top", GetTopCoinsAsync)
            .WithName("GetTopCoins")
            .WithSummary("Coins ranked by market capitalisation")
            .WithDescription($"limit: 1 to {MaxTopCoins} (default 20). quote: USD (default), EUR, ...");

        api.MapGet("/candles/{symbol}", GetCandlesAsync)
            .WithName("GetCandles")
            .WithSummary("OHLCV candles")
            .WithDescription("interval: 1m, 5m, 15m, 1h (default), 4h, 1d. limit: 1 to 1000 (default 100). "
                + "start, end: ISO 8601 or Unix seconds. With start: the first candles from start on; without: "
                + "the most recent candles up to end (or now). Candles are oldest first. Every candle keeps the OHLC "
                + "rules. meta.gaps lists the runs of open times missing between the answered candles (and before "
                + "the first one when start is given), each as from, to (open times of the first and last missing "
                + "candle) and missing (their count); it is empty when none is missing. When every source fails and "
                + "nothing is cached in memory, the stored candles are served, marked stale with their age.");

        return app;
    }

    internal static async Task<Results<Ok<ApiResponse<Quote>>, Ok<ApiResponse<ConsensusQuote>>, ProblemHttpResult>>
        GetQuoteAsync(string symbol, string? quote, string? source, string? mode, MarketService market,
            ConsensusService consensus, SourceCatalog catalog, MarketAnswers answers, HttpContext context,
            CancellationToken cancellationToken)
    {
        if (!SymbolParser.TryParse(symbol, quote, out var pair, out string? error))
        {
            return ApiProblems.BadParameter(SymbolOrQuote(error), error);
        }

        if (mode is not (null or "single" or "consensus"))
        {
            return ApiProblems.BadParameter("mode", "must be single (default) or consensus");
        }

        if (mode == "consensus")
        {
            return await ConsensusAsync(pair, source, market, consensus, answers, context, cancellationToken);
        }

        if (CheckPinned(source, catalog, s => s is IQuoteSource, "quotes") is { } pinError)
        {
            return pinError;
        }

        if (!market.QuoteSources(pair, source).Any())
        {
            return NoCandidates(source, $"quotes of {pair}");
        }

        var result = await market.GetQuoteAsync(pair, source, cancellationToken);
        return OneOfQuotes(answers.ToResult(context, result, Capability.Quote, pair.ToString(), source is not null));
    }

    internal static async Task<Results<Ok<ApiResponse<IReadOnlyList<QuoteItem>>>, ProblemHttpResult>> GetQuotesAsync(
        string? symbols, string? quote, string? source, MarketService market, SourceCatalog catalog,
        CancellationToken cancellationToken)
    {
        string[] requested = (symbols ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (requested.Length is 0 or > MaxSymbols)
        {
            return ApiProblems.BadParameter("symbols", $"give 1 to {MaxSymbols} comma-separated symbols");
        }

        List<AssetPair> pairs = [];
        foreach (string text in requested)
        {
            if (!SymbolParser.TryParse(text, quote, out var pair, out string? error))
            {
                return ApiProblems.BadParameter("symbols", $"'{QueryParsing.Shorten(text)}': {error}");
            }

            pairs.Add(pair);
        }

        if (CheckPinned(source, catalog, s => s is IQuoteSource, "quotes") is { } pinError)
        {
            return pinError;
        }

        var items = await Task.WhenAll(pairs.Distinct().Select(p => QuoteItemAsync(p, source, market, cancellationToken)));
        var meta = new ResponseMeta
        {
            Source = items.Select(i => i.Meta?.Source).Distinct().Count() == 1 ? items[0].Meta?.Source : null,
            Cached = items.All(i => i.Meta?.Cached == true),
            Stale = items.Any(i => i.Meta?.Stale == true),
            Pinned = source is not null,
            Failover = source is not null ? "disabled: the caller pinned one source" : "enabled",
        };
        return TypedResults.Ok(new ApiResponse<IReadOnlyList<QuoteItem>>(items, meta));
    }

    internal static async Task<Results<Ok<ApiResponse<IReadOnlyList<TopCoin>>>, ProblemHttpResult>> GetTopCoinsAsync(
        string? limit, string? quote, string? source, MarketService market, SourceCatalog catalog,
        MarketAnswers answers, HttpContext context, CancellationToken cancellationToken)
    {
        if (!QueryParsing.TryInt(limit, "limit", 20, 1, MaxTopCoins, out int count, out string? error))
        {
            return ApiProblems.BadParameter("limit", error!);
        }

        string currency = (quote ?? QuoteCurrency.Usd).Trim().ToUpperInvariant();
        if (!QuoteCurrency.IsSupported(currency))
        {
            return ApiProblems.BadParameter("quote", $"must be one of {string.Join(", ", QuoteCurrency.All)}");
        }

        if (CheckPinned(source, catalog, s => s is ITopCoinsSource, "the market-cap ranking") is { } pinError)
        {
            return pinError;
        }

        if (!market.TopCoinSources(currency, source).Any())
        {
            return NoCandidates(source, $"a ranking in {currency}");
        }

        var result = await market.GetTopCoinsAsync(count, currency, source, cancellationToken);
        return answers.ToResult(context, result, Capability.TopCoins, $"top {count} in {currency}", source is not null);
    }

    internal static async Task<Results<Ok<ApiResponse<IReadOnlyList<Candle>>>, ProblemHttpResult>> GetCandlesAsync(
        string symbol, string? interval, string? limit, string? start, string? end, string? quote, string? source,
        MarketService market, SourceCatalog catalog, MarketAnswers answers, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!SymbolParser.TryParse(symbol, quote, out var pair, out string? symbolError))
        {
            return ApiProblems.BadParameter(SymbolOrQuote(symbolError), symbolError);
        }

        if (!CandleIntervals.TryParse(interval ?? "1h", out var width))
        {
            return ApiProblems.BadParameter("interval", $"must be one of {string.Join(", ", CandleIntervals.Names)}");
        }

        if (!QueryParsing.TryInt(limit, "limit", CandleQuery.DefaultLimit, 1, CandleQuery.MaxLimit, out int count,
                out string? error))
        {
            return ApiProblems.BadParameter("limit", error!);
        }

        if (!QueryParsing.TryTime(start, out var from, out error))
        {
            return ApiProblems.BadParameter("start", error!);
        }

        if (!QueryParsing.TryTime(end, out var to, out error))
        {
            return ApiProblems.BadParameter("end", error!);
        }

        if (from is not null && to is not null && from > to)
        {
            return ApiProblems.BadParameter("start", "must not be after end");
        }

        if (CheckPinned(source, catalog, s => s is ICandleSource, "candles") is { } pinError)
        {
            return pinError;
        }

        if (!market.CandleSources(pair, width.Value, source).Any())
        {
            return NoCandidates(source, $"{width.Value.Name()} candles of {pair}");
        }

        var query = new CandleQuery(pair, width.Value, count, from, to);
        var result = await market.GetCandlesAsync(query, source, cancellationToken);
        var answer = answers.ToResult(context, result, Capability.Candles, $"{pair} {width.Value.Name()}",
            source is not null);
        if (answer.Result is Ok<ApiResponse<IReadOnlyList<Candle>>> { Value: { } ok })
        {
            return TypedResults.Ok(ok with { Meta = ok.Meta with { Gaps = CandleGaps.Find(ok.Data, width.Value, from) } });
        }

        return answer;
    }

    private static async Task<Results<Ok<ApiResponse<Quote>>, Ok<ApiResponse<ConsensusQuote>>, ProblemHttpResult>>
        ConsensusAsync(AssetPair pair, string? source, MarketService market, ConsensusService consensus,
            MarketAnswers answers, HttpContext context, CancellationToken cancellationToken)
    {
        if (source is not null)
        {
            return ApiProblems.BadParameter("source", "a consensus asks several sources; it cannot be pinned to one");
        }

        if (market.QuoteSources(pair, null).Take(2).Count() < 2)
        {
            return ApiProblems.NotFound($"a consensus of {pair} needs two sources that serve it");
        }

        var result = await consensus.GetAsync(pair, cancellationToken);
        return OneOfQuotes(answers.ToResult(context, result, Capability.Quote, $"{pair} consensus", pinned: false));
    }

    /// <summary>Either kind of quote answer, as the quote endpoint's declared result.</summary>
    private static Results<Ok<ApiResponse<Quote>>, Ok<ApiResponse<ConsensusQuote>>, ProblemHttpResult>
        OneOfQuotes<T>(Results<Ok<ApiResponse<T>>, ProblemHttpResult> answer) => answer.Result switch
        {
            Ok<ApiResponse<Quote>> single => single,
            Ok<ApiResponse<ConsensusQuote>> agreed => agreed,
            ProblemHttpResult problem => problem,
            var other => throw new InvalidOperationException($"unexpected answer {other.GetType().Name}"),
        };

    private static async Task<QuoteItem> QuoteItemAsync(AssetPair pair, string? source, MarketService market,
        CancellationToken cancellationToken)
    {
        if (!market.QuoteSources(pair, source).Any())
        {
            return new QuoteItem(pair.ToString(), null, null, "no source serves this pair");
        }

        var result = await market.GetQuoteAsync(pair, source, cancellationToken);
        var meta = MarketAnswers.Meta(result, source is not null);
        if (result.HasValue)
        {
            return new QuoteItem(pair.ToString(), result.Value, meta, null);
        }

        string error = result.Routed.NotListedAnywhere ? "no source lists this symbol" : "no source could answer";
        return new QuoteItem(pair.ToString(), null, meta, error);
    }

    private static ProblemHttpResult? CheckPinned(string? source, SourceCatalog catalog, Func<IMarketSource, bool> serves,
        string what)
    {
        if (source is null)
        {
            return null;
        }

        var found = catalog.Find(source);
        if (found is null)
        {
            return ApiProblems.BadParameter("source",
                $"unknown source '{QueryParsing.Shorten(source)}'; known: {string.Join(", ", catalog.All.Select(s => s.Name))}");
        }

        if (!serves(found))
        {
            return ApiProblems.BadParameter("source", $"'{found.Name}' does not serve {what}");
        }

        return catalog.IsEnabled(found.Name)
            ? null
            : ApiProblems.BadParameter("source", $"'{found.Name}' is disabled by configuration");
    }

    private static ProblemHttpResult NoCandidates(string? source, string what) =>
        source is null
            ? ApiProblems.NotFound($"no source serves {what}")
            : ApiProblems.BadParameter("source", $"'{source}' does not serve {what}");

    private static string SymbolOrQuote(string error) =>
        error.StartsWith("quote", StringComparison.Ordinal) ? "quote" : "symbol";
}

/// <summary>One symbol of a multi-quote answer: its quote and meta, or why there is none.</summary>
public sealed record QuoteItem(string Pair, Quote? Quote, ResponseMeta? Meta, string? Error);
