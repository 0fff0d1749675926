using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using CoinSource.Symbols;
using CoinSource.Telemetry;
using Microsoft.Extensions.Options;

namespace CoinSource.Health;

/// <summary>
/// Brings OFFLINE sources back without spending a user's request: when a source's cooldown and its jitter have
/// passed, one background call probes it; success makes it HEALTHY, failure starts a new cooldown.
/// </summary>
public sealed partial class SourceProber(
    SourceHealthTracker health,
    SourceCatalog catalog,
    IOptionsMonitor<HealthOptions> options,
    TimeProvider time,
    ActivityFeed feed,
    ILogger<SourceProber> logger) : BackgroundService
{
    private static readonly AssetPair[] ProbePairs =
        [new("BTC", QuoteCurrency.Usd), new("BTC", QuoteCurrency.Usdt), new("BTC", QuoteCurrency.Eur),
            new("BTC", QuoteCurrency.Usdc)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.ProbeCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (string name in health.DueForProbe())
                {
                    if (catalog.Find(name) is { } source && catalog.IsEnabled(name)
                        && await health.TryBeginProbeAsync(name))
                    {
                        _ = ProbeAsync(source, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Probes one source whose probe the caller has claimed, and records the outcome.</summary>
    public async Task ProbeAsync(IMarketSource source, CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        var result = await CallAsync(source, cancellationToken);
        TimeSpan elapsed = time.GetElapsedTime(started);

        // A correct "not listed" answer proves the source is back as much as a price does.
        if (result.IsSuccess || result.Failure.Kind == FailureKind.NotListed)
        {
            health.RecordSuccess(source.Name, elapsed);
            LogProbeSucceeded(logger, source.Name, elapsed.TotalMilliseconds);
            feed.Publish(ActivityKind.Probe, $"probe of {source.Name} succeeded", source.Name, outcome: "success",
                ms: Math.Round(elapsed.TotalMilliseconds, 1));
            return;
        }

        health.RecordFailure(source.Name, result.Failure, elapsed);
        LogProbeFailed(logger, source.Name, result.Failure.Reason);
        feed.Publish(ActivityKind.Probe, $"probe of {source.Name} failed: {result.Failure.Reason}", source.Name,
            outcome: "failure", ms: Math.Round(elapsed.TotalMilliseconds, 1));
    }

    private static async Task<UpstreamResult<bool>> CallAsync(IMarketSource source, CancellationToken token)
    {
        try
        {
            return source switch
            {
                IQuoteSource quotes when ProbePairs.FirstOrDefault(quotes.Supports) is { } pair =>
                    (await quotes.GetQuoteAsync(pair, token)).Map(_ => true),
                ICandleSource candles when ProbePairs.FirstOrDefault(p => candles.Supports(p, CandleInterval.OneHour))
                    is { } pair =>
                    (await candles.GetCandlesAsync(new CandleQuery(pair, CandleInterval.OneHour, 2, null, null), token))
                    .Map(_ => true),
                ITopCoinsSource ranking when QuoteCurrency.All.FirstOrDefault(ranking.SupportsQuote) is { } quote =>
                    (await ranking.GetTopCoinsAsync(1, quote, token)).Map(_ => true),
                _ => UpstreamResult<bool>.Fail(new UpstreamFailure(FailureKind.NotListed, "nothing to probe")),
            };
        }
#pragma warning disable CA1031 // A probe must end with a recorded outcome, whatever the adapter does.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return UpstreamResult<bool>.Fail(new UpstreamFailure(FailureKind.InvalidData,
                $"the {source.Name} adapter failed on the probe ({ex.GetType().Name})"));
        }
    }

    [LoggerMessage(EventId = 2101, EventName = "ProbeSucceeded", Level = LogLevel.Information,
        Message = "probe of {Source} succeeded in {Ms} ms")]
    private static partial void LogProbeSucceeded(ILogger logger, string source, double ms);

    [LoggerMessage(EventId = 2102, EventName = "ProbeFailed", Level = LogLevel.Warning,
        Message = "probe of {Source} failed: {Reason}; it stays OFFLINE for another cooldown")]
    private static partial void LogProbeFailed(ILogger logger, string source, string reason);
}
