using System.Globalization;
using CoinSource.Market;
using CoinSource.Routing;
using CoinSource.Sources;
using CoinSource.Symbols;

namespace CoinSource.Storage.Commands;

/// <summary>
/// Fills the candle store for symbols, intervals and a date range from the upstreams. It walks the range in pages
/// of at most <see cref="PageSize"/> candles, each routed like a user request (healthiest source first, request
/// budgets and 429 Retry-After honoured), and commits each page before asking for the next. A page whose candles
/// are all stored already is skipped, so a run that was interrupted resumes where it stopped.
/// </summary>
public sealed class BackfillCommand(MarketService market, SourceRouter router, SourceCatalog catalog,
    IMarketStore store, TimeProvider time)
{
    public const string Usage = "backfill --symbols BTC,ETH --intervals 1h,1d --from 2026-01-01 [--to 2026-03-01] "
        + "[--quote USD] [--source binance]";

    /// <summary>Candles asked for per request; a source with a smaller page answers fewer and the walk goes on.</summary>
    public const int PageSize = 1000;

    private const int MaxConsecutiveFailures = 3;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, ProgressBarFactory progress,
        CancellationToken cancellationToken)
    {
        var plan = Plan(args, out string? error);
        if (plan is null)
        {
            throw new CommandException(error!);
        }

        var bar = progress(plan.Sum(p => p.Expected));
        int failed = 0;
        foreach (var series in plan)
        {
            var (fetched, skipped, failure) = await FillAsync(series, bar, cancellationToken);
            int stored = await store.CountCandlesAsync(series.Series, series.From, series.To, cancellationToken);
            bar.Finish();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{series.Series}: {stored} of {series.Expected} candles stored ({fetched} pages fetched, "
                + $"{skipped} already stored){(failure is null ? "" : "; stopped: " + failure)}"));
            failed += failure is null ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }

    private List<SeriesPlan>? Plan(IReadOnlyList<string> args, out string? error)
    {
        var a = CommandArguments.Parse(args, "symbols", "intervals", "from", "to", "quote", "source");
        var pairs = a.Pairs("symbols", a.Text("quote"));
        var intervals = a.Intervals("intervals");
        var from = a.Required("from") is null ? null : a.Time("from");
        DateTimeOffset now = time.GetUtcNow();
        var to = a.Time("to") is { } end && end < now ? end : now;
        string? source = a.Text("source");
        if (a.IsValid && from >= to)
        {
            a.Fail("--from must be before --to (and before now)");
        }

        if (a.IsValid && source is not null && catalog.Find(source) is not ICandleSource)
        {
            a.Fail($"--source: '{source}' is not a candle source; known: "
                + string.Join(", ", catalog.Candles.Select(s => s.Name)));
        }

        List<SeriesPlan> plan = [];
        foreach (var pair in a.IsValid ? pairs : [])
        {
            foreach (var interval in intervals)
            {
                var candidates = market.CandleSources(pair, interval, source).ToList();
                if (candidates.Count == 0)
                {
                    a.Fail($"no enabled source serves {interval.Name()} candles of {pair}"
                        + (source is null ? "" : $" from {source}"));
                }

                plan.Add(SeriesPlan.Of(pair, interval, from!.Value, to, candidates));
            }
        }

        error = a.Error;
        return a.IsValid ? plan : null;
    }

    private async Task<(int Fetched, int Skipped, string? Failure)> FillAsync(SeriesPlan plan, ProgressBar bar,
        CancellationToken cancellationToken)
    {
        TimeSpan width = plan.Series.Interval.Duration();
        var cursor = plan.From;
        int fetched = 0, skipped = 0, failures = 0;
        while (cursor < plan.To)
        {
            var pageEnd = Min(cursor + (width * PageSize), plan.To);
            int expected = (int)((pageEnd - cursor) / width);
            if (await store.CountCandlesAsync(plan.Series, cursor, pageEnd, cancellationToken) >= expected)
            {
                skipped++;
                bar.Advance(expected, $"{plan.Series} already stored");
                cursor = pageEnd;
                continue;
            }

            var query = new CandleQuery(plan.Pair, plan.Series.Interval, PageSize, cursor, pageEnd - width);
            var routed = await router.RouteAsync(Capability.Candles, plan.Series.ToString(), plan.Candidates,
                (source, t) => source.GetCandlesAsync(query, t), cancellationToken);
            if (routed.IsSuccess)
            {
                failures = 0;
                fetched++;
                await store.WriteAsync([new CandlesWrite(plan.Series, routed.Source, time.GetUtcNow(), routed.Value)],
                    cancellationToken);
                var next = NextCursor(routed.Value, cursor, pageEnd, width, expected);
                bar.Advance((long)((next - cursor) / width), $"{plan.Series} from {routed.Source}");
                cursor = next;
                continue;
            }

            if (routed.NotListedAnywhere)
            {
                return (fetched, skipped, "no source lists this symbol");
            }

            if (++failures > MaxConsecutiveFailures && !OnlyWaiting(routed))
            {
                return (fetched, skipped, Reasons(routed));
            }

            // A spent budget or a 429 says when to come back; a failure waits a little longer each time.
            var wait = OnlyWaiting(routed) && routed.RetryAt is { } at
                ? at - time.GetUtcNow()
                : TimeSpan.FromSeconds(failures);
            bar.Draw($"{plan.Series} waiting {Math.Max(0, wait.TotalSeconds):F0} s: {Reasons(routed)}");
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }

        return (fetched, skipped, null);
    }

    /// <summary>
    /// After a full page, the next page; after a short one (a source with a smaller page, or data that starts late),
    /// the candle after the last one answered, so that nothing in between is left out.
    /// </summary>
    private static DateTimeOffset NextCursor(IReadOnlyList<Candle> candles, DateTimeOffset cursor,
        DateTimeOffset pageEnd, TimeSpan width, int expected)
    {
        if (candles.Count == 0 || candles.Count >= expected || candles[^1].OpenTime + width >= pageEnd)
        {
            return pageEnd;
        }

        var next = candles[^1].OpenTime + width;
        return next > cursor ? next : pageEnd;
    }

    private static bool OnlyWaiting<T>(RoutedResult<T> routed) =>
        routed.Attempts.All(a => a.Outcome is AttemptOutcome.Skipped or AttemptOutcome.Throttled);

    private static string Reasons<T>(RoutedResult<T> routed) =>
        string.Join("; ", routed.Attempts.Select(a => $"{a.Source}: {a.Reason ?? a.Outcome.ToString()}"));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record SeriesPlan(CandleSeries Series, AssetPair Pair, DateTimeOffset From, DateTimeOffset To,
        IReadOnlyList<ICandleSource> Candidates)
    {
        public long Expected => (long)((To - From) / Series.Interval.Duration());

        /// <summary>Whole candles only: from rounds up to an open time, to rounds down (the open candle is left out).</summary>
        public static SeriesPlan Of(AssetPair pair, CandleInterval interval, DateTimeOffset from, DateTimeOffset to,
            IReadOnlyList<ICandleSource> candidates)
        {
            long w = interval.Duration().Ticks;
            var first = new DateTimeOffset((from.UtcTicks + w - 1) / w * w, TimeSpan.Zero);
            var end = new DateTimeOffset(to.UtcTicks / w * w, TimeSpan.Zero);
            return new SeriesPlan(MarketHistory.SeriesOf(pair, interval), pair, first, end < first ? first : end,
                candidates);
        }
    }
}

/// <summary>Makes the progress bar of a run, given the total number of steps.</summary>
public delegate ProgressBar ProgressBarFactory(long total);

/// <summary>A command's arguments were refused: the message names the option.</summary>
public sealed class CommandException(string message) : Exception(message);
