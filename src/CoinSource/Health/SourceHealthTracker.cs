using System.Collections.Concurrent;
using System.Globalization;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using Microsoft.Extensions.Options;

namespace CoinSource.Health;

/// <summary>
/// Keeps the health of every source: HEALTHY, DEGRADED after a failure or a slow answer, OFFLINE after the
/// configured number of consecutive failures. An OFFLINE source gets no user traffic; when its cooldown (plus a
/// random jitter) has passed, the background prober makes exactly one probe, and that probe decides. State changes
/// are logged and published once.
/// </summary>
public sealed class SourceHealthTracker
{
    private readonly Random _jitter;
    private readonly ConcurrentDictionary<string, SourceHealthEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<HealthOptions> _options;
    private readonly HealthEvents _events;
    private readonly Func<string, RequestBudget?> _budgetOf;

    /// <param name="time">The clock of every cooldown and budget.</param>
    /// <param name="options">Thresholds and cooldown.</param>
    /// <param name="events">Where state changes are told.</param>
    /// <param name="budgetOf">Each source's request budget; none when null.</param>
    /// <param name="jitter">The randomness of probe times; shared when null.</param>
    public SourceHealthTracker(TimeProvider time, IOptionsMonitor<HealthOptions> options, HealthEvents events,
        Func<string, RequestBudget?>? budgetOf = null, Random? jitter = null)
    {
        _budgetOf = budgetOf ?? (_ => null);
        _jitter = jitter ?? Random.Shared;
        _time = time;
        _options = options;
        _events = events;
        events.ObserveStates(() => _entries.Values.Select(e => (e.Name, StateOf(e.Name))));
    }

    /// <summary>Makes a source known, so that it shows in the health API before its first call.</summary>
    public void Register(string source) => Entry(source);

    /// <summary>Decides whether a request may call <paramref name="source"/> now, without a network call.</summary>
    public Admission Admit(string source)
    {
        var entry = Entry(source);
        DateTimeOffset now = _time.GetUtcNow();
        lock (entry)
        {
            if (entry.ThrottledUntil is { } throttled && throttled > now)
            {
                return new(AdmissionDecision.SkipThrottled, $"throttled by the upstream until {Format(throttled)}",
                    throttled);
            }

            if (entry.State != SourceState.Offline)
            {
                return TakeFromBudget(entry, now);
            }

            // Formatted once per cooldown, not per skipped request: skipping must cost next to nothing.
            entry.SkipReason ??= $"OFFLINE until {Format(entry.CooldownUntil ?? now)}: {entry.StateReason}";
            return new(AdmissionDecision.SkipOffline, entry.SkipReason, entry.ProbeAt ?? entry.CooldownUntil);
        }
    }

    /// <summary>Claims the one probe of an OFFLINE source whose probe time has come; false for any other.</summary>
    public bool TryBeginProbe(string source)
    {
        var entry = Entry(source);
        DateTimeOffset now = _time.GetUtcNow();
        lock (entry)
        {
            if (entry.State != SourceState.Offline || entry.ProbeInFlight || entry.ProbeAt is not { } at || at > now
                || (entry.ThrottledUntil is { } throttled && throttled > now)
                || !TakeFromBudget(entry, now).Allowed)
            {
                return false;
            }

            entry.ProbeInFlight = true;
            return true;
        }
    }

    /// <summary>The OFFLINE sources whose probe is due now.</summary>
    public IReadOnlyList<string> DueForProbe()
    {
        DateTimeOffset now = _time.GetUtcNow();
        List<string> due = [];
        foreach (var entry in _entries.Values)
        {
            lock (entry)
            {
                if (entry.State == SourceState.Offline && !entry.ProbeInFlight && entry.ProbeAt <= now)
                {
                    due.Add(entry.Name);
                }
            }
        }

        return due;
    }

    /// <summary>Takes what an upstream's rate-limit headers said into the source's budget.</summary>
    public void RecordRateLimit(string source, RateLimitInfo info)
    {
        var entry = Entry(source);
        DateTimeOffset now = _time.GetUtcNow();
        lock (entry)
        {
            if (_budgetOf(source) is { } budget)
            {
                entry.Refill(budget, now);
            }

            if (info.Remaining is { } remaining)
            {
                entry.QuotaTokens = Math.Min(entry.QuotaTokens, remaining);
                entry.QuotaCheckedAt ??= now;
                if (remaining == 0)
                {
                    entry.QuotaBlockedUntil = info.ResetAt ?? now + TimeSpan.FromMinutes(1);
                }
            }
        }
    }

    /// <summary>Records a successful attempt.</summary>
    public void RecordSuccess(string source, TimeSpan latency)
    {
        var entry = Entry(source);
        DateTimeOffset now = _time.GetUtcNow();
        HealthOptions options = _options.CurrentValue;
        StateTransition? transition;
        lock (entry)
        {
            entry.ProbeInFlight = false;
            entry.ConsecutiveFailures = 0;
            entry.CooldownUntil = null;
            entry.ProbeAt = null;
            entry.Successes++;
            entry.LastSuccess = now;
            entry.AddLatency(latency);

            transition = latency > options.SlowThreshold
                ? entry.MoveTo(SourceState.Degraded, SlowReason(latency, options), now)
                : entry.MoveTo(SourceState.Healthy, "answered correctly", now);
        }

        _events.AttemptCounted(source, now, success: true, latency);
        Publish(source, transition);
    }

    /// <summary>Records a failed attempt; only failures that count against health move the state.</summary>
    public void RecordFailure(string source, UpstreamFailure failure, TimeSpan latency)
    {
        var entry = Entry(source);
        DateTimeOffset now = _time.GetUtcNow();
        HealthOptions options = _options.CurrentValue;
        StateTransition? transition = null;
        lock (entry)
        {
            entry.ProbeInFlight = false;
            if (failure.Kind == FailureKind.Throttled)
            {
                entry.ThrottledUntil = failure.RetryAfter ?? now + TimeSpan.FromSeconds(60);
            }

            if (!failure.CountsAgainstHealth && entry.State == SourceState.Offline)
            {
                // A probe that proved nothing (throttled, cancelled) is tried again later, not in a tight loop.
                entry.ProbeAt = Later(entry.ThrottledUntil, now + options.Cooldown);
            }

            if (failure.CountsAgainstHealth)
            {
                entry.Failures++;
                entry.ConsecutiveFailures++;
                entry.LastFailure = now;
                entry.LastFailureReason = failure.Reason;
                entry.AddLatency(latency);
                transition = CountFailure(entry, failure, now, options);
            }
        }

        if (failure.CountsAgainstHealth)
        {
            _events.AttemptCounted(source, now, success: false, latency);
        }

        Publish(source, transition);
    }

    private StateTransition? CountFailure(
        SourceHealthEntry entry, UpstreamFailure failure, DateTimeOffset now, HealthOptions options)
    {
        // Values that make no sense are a data-quality problem even when the transport worked: say so.
        if (failure.Kind == FailureKind.InvalidData)
        {
            failure = failure with { Reason = $"data quality: {failure.Reason}" };
        }

        if (entry.State == SourceState.Offline)
        {
            // A failed probe: the source stays OFFLINE for a new cooldown.
            StartCooldown(entry, now, options);
            entry.MoveTo(SourceState.Offline, $"probe failed: {failure.Reason}", now);
            return null;
        }

        if (entry.ConsecutiveFailures >= options.FailureThreshold)
        {
            StartCooldown(entry, now, options);
            return entry.MoveTo(SourceState.Offline,
                $"{entry.ConsecutiveFailures} consecutive failures, last: {failure.Reason}", now);
        }

        return entry.MoveTo(SourceState.Degraded,
            $"{entry.ConsecutiveFailures} consecutive failure(s), last: {failure.Reason}", now);
    }

    /// <summary>Returns a source to HEALTHY with no failures counted, as an operator's reset.</summary>
    public bool Reset(string source)
    {
        if (!_entries.TryGetValue(source, out var entry))
        {
            return false;
        }

        StateTransition? transition;
        lock (entry)
        {
            transition = entry.Reset(_time.GetUtcNow(), "reset by an operator");
        }

        Publish(source, transition);
        return true;
    }

    public void ResetAll()
    {
        foreach (string name in _entries.Keys)
        {
            Reset(name);
        }
    }

    public SourceHealthSnapshot? Snapshot(string source)
    {
        if (!_entries.TryGetValue(source, out var entry))
        {
            return null;
        }

        lock (entry)
        {
            var snapshot = entry.Snapshot();
            if (_budgetOf(source) is not { } budget)
            {
                return snapshot;
            }

            entry.Refill(budget, _time.GetUtcNow());
            var blocked = entry.QuotaBlockedUntil > _time.GetUtcNow() ? entry.QuotaBlockedUntil : null;
            return snapshot with
            {
                Budget = new BudgetView(budget.ToString(), (int)Math.Floor(entry.QuotaTokens), blocked),
            };
        }
    }

    public IReadOnlyList<SourceHealthSnapshot> SnapshotAll() =>
        [.. _entries.Keys.Order(StringComparer.Ordinal).Select(Snapshot).OfType<SourceHealthSnapshot>()];

    /// <summary>The current state of a source, cheaper than a snapshot; used to order candidates.</summary>
    public SourceState StateOf(string source)
    {
        var entry = Entry(source);
        lock (entry)
        {
            return entry.State;
        }
    }

    private SourceHealthEntry Entry(string source) =>
        _entries.GetOrAdd(source, static (name, tracker) =>
        {
            var entry = new SourceHealthEntry(name, tracker._time.GetUtcNow(), tracker._options.CurrentValue);
            return entry;
        }, this);

    private void Publish(string source, StateTransition? transition)
    {
        if (transition is not null)
        {
            _events.StateChanged(source, transition);
        }
    }

    /// <summary>Spends one request of the source's budget, or says when the next one is possible.</summary>
    private Admission TakeFromBudget(SourceHealthEntry entry, DateTimeOffset now)
    {
        if (entry.QuotaBlockedUntil is { } blocked && blocked > now)
        {
            return new(AdmissionDecision.SkipQuota, $"the upstream said its budget is spent until {Format(blocked)}",
                blocked);
        }

        if (_budgetOf(entry.Name) is not { } budget)
        {
            return new(AdmissionDecision.Allow);
        }

        entry.Refill(budget, now);
        if (entry.QuotaTokens >= 1)
        {
            entry.QuotaTokens -= 1;
            return new(AdmissionDecision.Allow);
        }

        double wait = (1 - entry.QuotaTokens) * budget.Window.TotalSeconds / budget.Requests;
        var next = now + TimeSpan.FromSeconds(Math.Ceiling(wait));
        return new(AdmissionDecision.SkipQuota, string.Create(CultureInfo.InvariantCulture,
            $"request budget of {budget} spent; the next request fits at {Format(next)}"), next);
    }

    private void StartCooldown(SourceHealthEntry entry, DateTimeOffset now, HealthOptions options)
    {
        entry.CooldownUntil = now + options.Cooldown;
        entry.SkipReason = null;
        double spread;
        lock (_jitter)
        {
            spread = _jitter.NextDouble();
        }

        entry.ProbeAt = entry.CooldownUntil + (options.ProbeJitter * spread);
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;

    private static string SlowReason(TimeSpan latency, HealthOptions options) =>
        $"slow: answered in {latency.TotalMilliseconds:F0} ms, above {options.SlowThreshold.TotalMilliseconds:F0} ms";

    private static string Format(DateTimeOffset at) => at.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
