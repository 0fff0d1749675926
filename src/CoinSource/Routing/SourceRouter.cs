using CoinSource.Health;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using CoinSource.Telemetry;

namespace CoinSource.Routing;

/// <summary>
/// Picks the source that answers a request. Candidates are tried in priority order, DEGRADED ones last; OFFLINE
/// and throttled sources are skipped without a call; a failure moves on to the next candidate in
/// the same request, and no request calls the same source twice. Every step lands in the decision trace.
/// </summary>
public sealed partial class SourceRouter(
    SourceHealthTracker health,
    SourceCatalog catalog,
    TimeProvider time,
    CoinSourceMetrics metrics,
    ActivityFeed feed,
    ILogger<SourceRouter> logger)
{
    /// <summary>Routes one request.</summary>
    /// <param name="capability">What is asked for, for reports: quote, candles, top-coins.</param>
    /// <param name="subject">What the request is about, for reports: BTC/USD.</param>
    /// <param name="candidates">Sources able to answer, in priority order; disabled ones are dropped here.</param>
    /// <param name="call">Calls one source.</param>
    /// <param name="cancellationToken">Fires when the caller goes away.</param>
    public async Task<RoutedResult<T>> RouteAsync<TSource, T>(
        string capability,
        string subject,
        IEnumerable<TSource> candidates,
        Func<TSource, CancellationToken, Task<UpstreamResult<T>>> call,
        CancellationToken cancellationToken)
        where TSource : IMarketSource
    {
        var ordered = Order(candidates);
        List<Attempt> attempts = [];
        DateTimeOffset? retryAt = null;

        foreach (var source in ordered)
        {
            var admission = await health.AdmitAsync(source.Name);
            if (!admission.Allowed)
            {
                attempts.Add(new Attempt(source.Name, AttemptOutcome.Skipped, admission.Reason, 0));
                retryAt = Earliest(retryAt, admission.Until);
                LogSkipped(logger, capability, subject, source.Name, admission.Reason);
                feed.Publish(ActivityKind.Skip, $"{capability} {subject}: skipped {source.Name}: {admission.Reason}",
                    source.Name, capability, "skipped");
                continue;
            }

            var attempt = await CallAsync(source, capability, subject, call, cancellationToken);
            attempts.Add(attempt.Record);
            if (attempt.Result.IsSuccess)
            {
                LogServed(logger, capability, subject, source.Name, attempt.Record.Endpoint, attempt.Record.Ms,
                    attempt.Record.Bytes, attempts.Count);
                feed.Publish(ActivityKind.Served, $"{capability} {subject} served by {source.Name}",
                    source.Name, capability, "success", attempt.Record.Ms);
                return RoutedResult<T>.Served(attempt.Result.Value, source.Name, attempts);
            }

            if (attempt.Result.Failure.Kind == FailureKind.Cancelled)
            {
                break;
            }

            retryAt = Earliest(retryAt, attempt.Result.Failure.RetryAfter);
        }

        LogExhausted(logger, capability, subject, attempts.Count);
        return RoutedResult<T>.Failed(attempts, retryAt);
    }

    /// <summary>
    /// Priority order, with DEGRADED sources moved behind the others. OFFLINE and throttled sources keep their place:
    /// skipping them costs nothing, the trace shows why the first choice was not used, and an OFFLINE source whose
    /// cooldown has ended gets its probe even while other sources are healthy.
    /// </summary>
    private IReadOnlyList<TSource> Order<TSource>(IEnumerable<TSource> candidates)
        where TSource : IMarketSource =>
        [.. candidates
            .Where(s => catalog.IsEnabled(s.Name))
            .DistinctBy(s => s.Name)
            .Select((source, priority) => (source, priority, demoted: health.StateOf(source.Name) == SourceState.Degraded))
            .OrderBy(c => c.demoted)
            .ThenBy(c => c.priority)
            .Select(c => c.source)];

    private async Task<(Attempt Record, UpstreamResult<T> Result)> CallAsync<TSource, T>(
        TSource source,
        string capability,
        string subject,
        Func<TSource, CancellationToken, Task<UpstreamResult<T>>> call,
        CancellationToken cancellationToken)
        where TSource : IMarketSource
    {
        long started = time.GetTimestamp();
        var result = await CallSafelyAsync(source, capability, subject, call, cancellationToken);
        return (Record(source.Name, result, time.GetElapsedTime(started), capability, subject), result);
    }

    /// <summary>Feeds one attempt's outcome to health, metrics, the log and the feed; returns its trace line.</summary>
    private Attempt Record<T>(string source, UpstreamResult<T> result, TimeSpan elapsed, string capability,
        string subject)
    {
        double ms = Math.Round(elapsed.TotalMilliseconds, 1);
        if (result.RateLimit is { } limit)
        {
            health.RecordRateLimit(source, limit);
        }

        if (result.IsSuccess)
        {
            health.RecordSuccess(source, elapsed);
            metrics.Attempt(source, "success", elapsed);
            return new Attempt(source, AttemptOutcome.Success, null, ms, result.Endpoint, result.Bytes);
        }

        var failure = result.Failure;
        health.RecordFailure(source, failure, elapsed);
        var outcome = failure.Kind switch
        {
            FailureKind.NotListed => AttemptOutcome.NotListed,
            FailureKind.Throttled => AttemptOutcome.Throttled,
            FailureKind.Cancelled => AttemptOutcome.Cancelled,
            _ => AttemptOutcome.Failure,
        };
        string outcomeName = OutcomeName(outcome);
        metrics.Attempt(source, outcomeName, elapsed);
        LogAttemptFailed(logger, capability, subject, source, result.Endpoint, failure.Kind, failure.Reason, ms,
            result.Bytes);
        feed.Publish(ActivityKind.Attempt, $"{capability} {subject}: {source} {outcomeName}: {failure.Reason}",
            source, capability, outcomeName, ms);
        return new Attempt(source, outcome, failure.Reason, ms, result.Endpoint, result.Bytes);
    }

    /// <summary>
    /// Asks up to <paramref name="maxSources"/> admitted candidates at once and waits at most
    /// <paramref name="budget"/>. Failures are recorded at once; answers come back unrecorded, so that the caller
    /// can judge them against each other and then <see cref="Settle{T}"/> each one.
    /// </summary>
    public async Task<Gathered<T>> GatherAsync<TSource, T>(
        string capability,
        string subject,
        IEnumerable<TSource> candidates,
        int maxSources,
        TimeSpan budget,
        Func<TSource, CancellationToken, Task<UpstreamResult<T>>> call,
        CancellationToken cancellationToken)
        where TSource : IMarketSource
    {
        List<Attempt> attempts = [];
        List<TSource> chosen = [];
        foreach (var source in Order(candidates))
        {
            if (chosen.Count == maxSources)
            {
                break;
            }

            var admission = await health.AdmitAsync(source.Name);
            if (admission.Allowed)
            {
                chosen.Add(source);
            }
            else
            {
                attempts.Add(new Attempt(source.Name, AttemptOutcome.Skipped, admission.Reason, 0));
            }
        }

        using var deadline = new CancellationTokenSource(budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var calls = chosen.Select(async source =>
        {
            long started = time.GetTimestamp();
            var result = await CallSafelyAsync(source, capability, subject, call, linked.Token);
            return (Source: source.Name, Result: result, Elapsed: time.GetElapsedTime(started));
        });

        List<GatheredAnswer<T>> answers = [];
        foreach (var (source, result, elapsed) in await Task.WhenAll(calls))
        {
            if (result.IsSuccess)
            {
                answers.Add(new GatheredAnswer<T>(source, result, elapsed));
                continue;
            }

            var late = result.Failure.Kind == FailureKind.Cancelled && !cancellationToken.IsCancellationRequested
                ? UpstreamResult<T>.Fail(result.Failure with
                {
                    Reason = $"no answer within the {budget.TotalMilliseconds:F0} ms budget",
                }).From(result.Endpoint)
                : result;
            attempts.Add(Record(source, late, elapsed, capability, subject));
        }

        return new Gathered<T>(answers, attempts);
    }

    /// <summary>Records a gathered answer as a success, or as a data-quality failure with its evidence.</summary>
    public Attempt Settle<T>(GatheredAnswer<T> answer, UpstreamFailure? dataQuality, string capability,
        string subject) =>
        Record(answer.Source, dataQuality is null ? answer.Result : UpstreamResult<T>.Fail(dataQuality,
            answer.Result.Bytes).From(answer.Result.Endpoint), answer.Elapsed, capability, subject);

    /// <summary>
    /// Calls one source. A fault in an adapter (a bug, not an upstream failure) must not fail the request or leave
    /// a probe marked as running forever: it becomes a failure of that source and the next candidate is tried.
    /// </summary>
    private async Task<UpstreamResult<T>> CallSafelyAsync<TSource, T>(
        TSource source,
        string capability,
        string subject,
        Func<TSource, CancellationToken, Task<UpstreamResult<T>>> call,
        CancellationToken cancellationToken)
        where TSource : IMarketSource
    {
        try
        {
            return await call(source, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return UpstreamResult<T>.Fail(new UpstreamFailure(FailureKind.Cancelled, "the caller went away"));
        }
#pragma warning disable CA1031 // The router is the boundary that keeps one adapter's bug from failing the request.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogAdapterFault(logger, ex, capability, subject, source.Name);
            return UpstreamResult<T>.Fail(new UpstreamFailure(FailureKind.InvalidData,
                $"the {source.Name} adapter failed on this answer ({ex.GetType().Name})"));
        }
    }

    private static string OutcomeName(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.NotListed => "not_listed",
        AttemptOutcome.Throttled => "throttled",
        AttemptOutcome.Cancelled => "cancelled",
        AttemptOutcome.Skipped => "skipped",
        AttemptOutcome.Success => "success",
        _ => "failure",
    };

    private static DateTimeOffset? Earliest(DateTimeOffset? current, DateTimeOffset? candidate) =>
        (current, candidate) switch
        {
            (null, _) => candidate,
            (_, null) => current,
            _ => current < candidate ? current : candidate,
        };

    [LoggerMessage(EventId = 3001, EventName = "Served", Level = LogLevel.Information,
        Message = "{Capability} {Subject} served by {Source} {Endpoint} in {Ms} ms, {Bytes} bytes (candidate {Attempt})")]
    private static partial void LogServed(ILogger logger, string capability, string subject, string source,
        string? endpoint, double ms, long bytes, int attempt);

    [LoggerMessage(EventId = 3002, EventName = "AttemptFailed", Level = LogLevel.Warning,
        Message = "{Capability} {Subject}: {Source} {Endpoint} failed ({Kind}: {Reason}) after {Ms} ms, {Bytes} bytes")]
    private static partial void LogAttemptFailed(ILogger logger, string capability, string subject, string source,
        string? endpoint, FailureKind kind, string reason, double ms, long bytes);

    [LoggerMessage(EventId = 3003, EventName = "Skipped", Level = LogLevel.Debug,
        Message = "{Capability} {Subject}: skipped {Source}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string capability, string subject, string source,
        string? reason);

    [LoggerMessage(EventId = 3005, EventName = "AdapterFault", Level = LogLevel.Error,
        Message = "{Capability} {Subject}: the {Source} adapter threw; counted as a failure of that source")]
    private static partial void LogAdapterFault(ILogger logger, Exception exception, string capability, string subject,
        string source);

    [LoggerMessage(EventId = 3004, EventName = "Exhausted", Level = LogLevel.Warning,
        Message = "{Capability} {Subject}: no source could answer ({Attempts} candidates)")]
    private static partial void LogExhausted(ILogger logger, string capability, string subject, int attempts);
}
