namespace CoinSource.Storage;

/// <summary>
/// A source's record over one window (the last 24 hours or 7 days), from its stored state changes and attempts.
/// Up means HEALTHY or DEGRADED: a DEGRADED source still answers (slowly, or after a failure or two) and takes
/// traffic; only OFFLINE time is down. Time before the first stored record of a source is not known and not
/// counted: <see cref="CoveredSeconds"/> says how much of the window the figure stands on.
/// </summary>
/// <param name="UptimePercent">Up time over covered time; null when nothing is covered yet.</param>
/// <param name="CoveredSeconds">The part of the window with a known state.</param>
/// <param name="HealthySeconds">Time HEALTHY.</param>
/// <param name="DegradedSeconds">Time DEGRADED.</param>
/// <param name="OfflineSeconds">Time OFFLINE.</param>
/// <param name="Attempts">Calls that counted for health (successes and counted failures).</param>
/// <param name="Failures">Those of them that failed.</param>
/// <param name="LatencyP50Ms">Median latency of those calls; null without calls.</param>
/// <param name="LatencyP95Ms">95th percentile latency.</param>
/// <param name="LatencyP99Ms">99th percentile latency.</param>
public sealed record UptimeWindow(double? UptimePercent, double CoveredSeconds, double HealthySeconds,
    double DegradedSeconds, double OfflineSeconds, int Attempts, int Failures, double? LatencyP50Ms,
    double? LatencyP95Ms, double? LatencyP99Ms);

/// <summary>One source's uptime over the last 24 hours and the last 7 days.</summary>
public sealed record SourceUptime(string Source, UptimeWindow Uptime24h, UptimeWindow Uptime7d);
