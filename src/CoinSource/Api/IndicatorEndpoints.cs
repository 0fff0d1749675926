using System.Globalization;
using CoinSource.Indicators;
using CoinSource.Market;
using CoinSource.Sources;
using CoinSource.Symbols;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>Technical indicators over the gateway's candles (GET) or over candles the client posts (POST).</summary>
public static class IndicatorEndpoints
{
    /// <summary>The most candles a client may post in one request.</summary>
    public const int MaxPostedCandles = 10_000;

    private const int SummaryCandles = 200;

    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indicators").WithTags("Indicators");
        string names = string.Join(", ", IndicatorCatalog.All.Select(d => d.Name));

        api.MapGet("/{symbol}/summary", GetSummaryAsync)
            .WithName("GetIndicatorSummary")
            .WithSummary("Every indicator's latest value and signal, and an overall signal")
            .WithDescription($"interval as for candles; the latest {SummaryCandles} candles. " + IndicatorCatalog.SignalRules);

        api.MapGet("/{symbol}/{indicator}", GetIndicatorAsync)
            .WithName("GetIndicator")
            .WithSummary("One indicator over the gateway's candles")
            .WithDescription($"indicator: {names}. interval, limit (default 100), quote, source as for candles; "
                + "parameters by name (period, fast, slow, signal, multiplier, kPeriod, dPeriod, rsiPeriod, "
                + "stochPeriod, kSmooth, dSmooth) with the usual defaults. Warm-up values are null. Too few candles "
                + "for the parameters is a 400 naming the number required.");

        api.MapPost("/summary", PostSummary)
            .WithName("PostIndicatorSummary")
            .WithSummary("The summary over candles in the body")
            .WithDescription($"Body: candles oldest first (openTime, open, high, low, close, volume), 1 to "
                + $"{MaxPostedCandles}, unique sorted times, low <= open, close <= high, volume >= 0. "
                + IndicatorCatalog.SignalRules);

        api.MapPost("/{indicator}", PostIndicator)
            .WithName("PostIndicator")
            .WithSummary("One indicator over candles in the body")
            .WithDescription($"indicator: {names}; parameters in the query as for GET. Body as for the summary.");

        return app;
    }

    internal static async Task<Results<Ok<ApiResponse<IndicatorSeries>>, ProblemHttpResult>> GetIndicatorAsync(
        string symbol, string indicator, string? interval, string? limit, string? quote, string? source,
        MarketService market, SourceCatalog catalog, MarketAnswers answers, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!TryDefinition(indicator, context.Request.Query, out var definition, out var arguments, out var problem))
        {
            return problem;
        }

        if (!QueryParsing.TryInt(limit, "limit", CandleQuery.DefaultLimit, 1, CandleQuery.MaxLimit, out int count,
                out string? error))
        {
            return ApiProblems.BadParameter("limit", error!);
        }

        var fetched = await FetchAsync(symbol, interval, quote, source, count, market, catalog, answers, context,
            cancellationToken);
        if (fetched.Problem is not null)
        {
            return fetched.Problem;
        }

        var meta = fetched.Meta!;
        return Compute(definition, arguments, fetched.Bars, meta);
    }

    internal static async Task<Results<Ok<ApiResponse<IndicatorSummary>>, ProblemHttpResult>> GetSummaryAsync(
        string symbol, string? interval, string? quote, string? source, MarketService market, SourceCatalog catalog,
        MarketAnswers answers, HttpContext context, CancellationToken cancellationToken)
    {
        var fetched = await FetchAsync(symbol, interval, quote, source, SummaryCandles, market, catalog, answers,
            context, cancellationToken);
        if (fetched.Problem is not null)
        {
            return fetched.Problem;
        }

        return TypedResults.Ok(new ApiResponse<IndicatorSummary>(Summarize(fetched.Bars), fetched.Meta!));
    }

    internal static Results<Ok<ApiResponse<IndicatorSeries>>, ProblemHttpResult> PostIndicator(string indicator,
        PostedCandle[]? candles, HttpContext context)
    {
        if (!TryDefinition(indicator, context.Request.Query, out var definition, out var arguments, out var problem))
        {
            return problem;
        }

        if (PostedCandles.Check(candles) is { } invalid)
        {
            return invalid;
        }

        return Compute(definition, arguments, PostedCandles.ToBars(candles!), PostedMeta);
    }

    internal static Results<Ok<ApiResponse<IndicatorSummary>>, ProblemHttpResult> PostSummary(PostedCandle[]? candles)
    {
        if (PostedCandles.Check(candles) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(new ApiResponse<IndicatorSummary>(Summarize(PostedCandles.ToBars(candles!)), PostedMeta));
    }

    private static ResponseMeta PostedMeta => new()
    {
        Source = "request",
        Failover = "not applicable: the caller sent the candles",
    };

    private static Results<Ok<ApiResponse<IndicatorSeries>>, ProblemHttpResult> Compute(IndicatorDefinition definition,
        IndicatorArguments arguments, Bar[] bars, ResponseMeta meta)
    {
        int required = definition.RequiredCandles(arguments);
        if (bars.Length < required)
        {
            return InsufficientCandles(definition.Name, required, bars.Length);
        }

        var values = definition.Calculate(bars, arguments);
        var series = new IndicatorSeries(definition.Name, arguments.Values, required, bars.Length, values);
        return TypedResults.Ok(new ApiResponse<IndicatorSeries>(series, meta));
    }

    private static IndicatorSummary Summarize(Bar[] bars)
    {
        List<IndicatorReading> readings = [];
        foreach (var definition in IndicatorCatalog.All)
        {
            var arguments = Defaults(definition);
            int required = definition.RequiredCandles(arguments);
            if (bars.Length < required)
            {
                readings.Add(new IndicatorReading(definition.Name, null, null, required));
                continue;
            }

            var values = definition.Calculate(bars, arguments);
            readings.Add(new IndicatorReading(definition.Name, definition.Signal(values, bars),
                values.GetValue(values.Length - 1), required));
        }

        return new IndicatorSummary(IndicatorCatalog.Overall(readings.Select(r => r.Signal)), bars.Length, readings);
    }

    private static ProblemHttpResult InsufficientCandles(string indicator, int required, int provided) =>
        TypedResults.Problem(
            detail: $"{indicator}: needs at least {required} candles for these parameters, got {provided}",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Not enough candles",
            extensions: new Dictionary<string, object?>
            {
                ["indicator"] = indicator,
                ["required"] = required,
                ["provided"] = provided,
            });

    private static bool TryDefinition(string name, IQueryCollection query, out IndicatorDefinition definition,
        out IndicatorArguments arguments, out ProblemHttpResult problem)
    {
        definition = IndicatorCatalog.Find(name)!;
        arguments = null!;
        problem = null!;
        if (definition is null)
        {
            problem = ApiProblems.BadParameter("indicator", $"unknown indicator '{QueryParsing.Shorten(name)}'; "
                + $"known: {string.Join(", ", IndicatorCatalog.All.Select(d => d.Name))}");
            return false;
        }

        Dictionary<string, double> values = [];
        foreach (var parameter in definition.Parameters)
        {
            string? text = query[parameter.Name];
            if (!TryParameter(parameter, text, out double value))
            {
                string kind = parameter.WholeNumber ? "a whole number" : "a number";
                problem = ApiProblems.BadParameter(parameter.Name, $"must be {kind} from "
                    + $"{parameter.Min.ToString(CultureInfo.InvariantCulture)} to "
                    + $"{parameter.Max.ToString(CultureInfo.InvariantCulture)}, got '{QueryParsing.Shorten(text!)}'");
                return false;
            }

            values[parameter.Name] = value;
        }

        arguments = new IndicatorArguments(values);
        if (definition.Check(arguments) is { } rule)
        {
            problem = ApiProblems.BadParameter(rule.Parameter, rule.Message);
            return false;
        }

        return true;
    }

    private static bool TryParameter(IndicatorParameter parameter, string? text, out double value)
    {
        value = parameter.Default;
        if (string.IsNullOrEmpty(text))
        {
            return text is null;
        }

        var style = parameter.WholeNumber ? NumberStyles.None : NumberStyles.AllowDecimalPoint;
        return double.TryParse(text, style, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)
            && value >= parameter.Min && value <= parameter.Max;
    }

    private static IndicatorArguments Defaults(IndicatorDefinition definition) =>
        new(definition.Parameters.ToDictionary(p => p.Name, p => p.Default));

    private static async Task<Fetched> FetchAsync(string symbol, string? interval, string? quote, string? source,
        int count, MarketService market, SourceCatalog catalog, MarketAnswers answers, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!SymbolParser.TryParse(symbol, quote, out var pair, out string? symbolError))
        {
            string name = symbolError.StartsWith("quote", StringComparison.Ordinal) ? "quote" : "symbol";
            return new Fetched([], null, ApiProblems.BadParameter(name, symbolError));
        }

        if (!CandleIntervals.TryParse(interval ?? "1h", out var width))
        {
            return new Fetched([], null, ApiProblems.BadParameter("interval",
                $"must be one of {string.Join(", ", CandleIntervals.Names)}"));
        }

        if (source is not null && catalog.Find(source) is not ICandleSource)
        {
            return new Fetched([], null, ApiProblems.BadParameter("source",
                $"'{QueryParsing.Shorten(source)}' is not a candle source"));
        }

        if (!market.CandleSources(pair, width.Value, source).Any())
        {
            return new Fetched([], null, ApiProblems.NotFound($"no source serves {width.Value.Name()} candles of {pair}"));
        }

        var query = new CandleQuery(pair, width.Value, count, null, null);
        var result = await market.GetCandlesAsync(query, source, cancellationToken);
        if (!result.HasValue)
        {
            var answer = answers.ToResult(context, result, Capability.Candles, $"{pair} {width.Value.Name()}",
                source is not null);
            return new Fetched([], null, (ProblemHttpResult)answer.Result);
        }

        return new Fetched(Bar.From(result.Value!), MarketAnswers.Meta(result, source is not null), null);
    }

    private sealed record Fetched(Bar[] Bars, ResponseMeta? Meta, ProblemHttpResult? Problem);
}
