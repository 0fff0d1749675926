using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoinSource.Health;

namespace CoinSource.Telemetry;

/// <summary>
/// CoinSource's own instruments. Exported in Prometheus format at /metrics (dots become underscores, units
/// become suffixes), beside ASP.NET Core's request metrics: requests per route come from
/// <c>http.server.request.duration</c>.
/// </summary>
public sealed class CoinSourceMetrics
{
    public const string MeterName = "CoinSource";

    private readonly Meter _meter;
    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _attemptDuration;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _cache;
    private long _cacheHits;
    private long _cacheLookups;

    public CoinSourceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _attempts = meter.CreateCounter<long>("coinsource.source.attempts", "{attempt}",
            "Upstream attempts per source and outcome.");
        _attemptDuration = meter.CreateHistogram<double>("coinsource.source.attempt.duration", "s",
            "Duration of upstream attempts per source and outcome.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
            });
        _transitions = meter.CreateCounter<long>("coinsource.source.transitions", "{transition}",
            "Source state changes, by the state entered.");
        _cache = meter.CreateCounter<long>("coinsource.cache.lookups", "{lookup}",
            "Cache lookups per data kind and result (hit, miss, stale).");
        _meter = meter;
    }

    /// <summary>Publishes the current state of every source as a gauge, read when metrics are scraped.</summary>
    public void ObserveSourceStates(Func<IEnumerable<(string Source, SourceState State)>> states) =>
        _meter.CreateObservableGauge("coinsource.source.state",
            () => states().Select(s => new Measurement<int>((int)s.State, new KeyValuePair<string, object?>("source", s.Source))),
            "{state}", "Current state per source: 0 HEALTHY, 1 DEGRADED, 2 OFFLINE.");

    public void Attempt(string source, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "source", source }, { "outcome", outcome } };
        _attempts.Add(1, tags);
        _attemptDuration.Record(duration.TotalSeconds, tags);
    }

    public void Transition(string source, SourceState to) =>
        _transitions.Add(1, new TagList { { "source", source }, { "state", to.ToString().ToUpperInvariant() } });

    /// <summary>Cache lookups since start, and how many of them were fresh hits: the live monitor's hit rate.</summary>
    public (long Hits, long Lookups) CacheTotals => (Interlocked.Read(ref _cacheHits), Interlocked.Read(ref _cacheLookups));

    public void CacheLookup(string kind, string result)
    {
        _cache.Add(1, new TagList { { "kind", kind }, { "result", result } });
        Interlocked.Increment(ref _cacheLookups);
        if (result == "hit")
        {
            Interlocked.Increment(ref _cacheHits);
        }
    }
}
