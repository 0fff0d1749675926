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
    private readonly IHealthShare? _share;
    private readonly IQuotaShare? _quotas;

    /// <param name="time">The clock of every cooldown and budget.</param>
    /// <param name="options">Thresholds and cooldown.</param>
    /// <param name="events">Where state changes are told.</param>
    /// <param name="budgetOf">Each source's request budget; none when null.</param>
    /// <param name="jitter">The randomness of probe times; shared when null.</param>
    /// <param name="share">Where OFFLINE, recovery and throttling are told to other instances; none when null.</param>
    /// <param name="quotas">Request budgets spent together with other instances; local budgets when null.</param>
    public SourceHealthTracker(TimeProvider time, IOptionsMonitor<HealthOptions> options, HealthEvents events,
        Func<string, RequestBudget?>? budgetOf = null, Random? jitter = null, IHealthShare? share = null,
        IQuotaShare? quotas = null)
    {
        _share = share;
        _quotas = quotas;
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
    public Admission Admit(string source) => Admit(source, spendBudget: true);

    /// <summary>
    /// Decides whether a request may call <paramref name="source"/> now. A budget shared with other instances is
    /// spent in Redis; when that cannot be reached, the local budget decides.
    /// </summary>
    public ValueTask<Admission> AdmitAsync(string source) =>
        _quotas is not null && _budgetOf(source) is { } budget
            ? AdmitSharedAsync(source, budget, _quotas)
            : ValueTask.FromResult(Admit(source));

    private async ValueTask<Admission> AdmitSharedAsync(string source, RequestBudget budget, IQuotaShare quotas)
    {
        var admission = Admit(source, spendBudget: false);
        if (!admission.Allowed)
        {
            return admission;
        }

        if (await quotas.TryTakeAsync(source, budget) is not { } take)
        {
            return Admit(source);
        }

        var entry = Entry(source);
        DateTimeOffset now = _time.GetUtcNow();
        lock (entry)
        {
            // The local view follows the shared budget, so that the health API shows what is left for everyone.
            entry.QuotaTokens = take.Remaining;
            entry.QuotaCheckedAt = now;
        }

        if (take.Allowed)
        {
            return new(AdmissionDecision.Allow);
        }

        var next = now + take.Wait;
        return new(AdmissionDecision.SkipQuota,
            $"request budget of {budget} spent by all instances together; the next request fits at {Format(next)}",
            next);
    }

    private Admission Admit(string source, bool spendBudget)
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
                return spendBudget ? TakeFromBudget(entry, now) : CheckUpstreamBlock(entry, now);
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

    /// <summary>
    /// Claims the probe like <see cref="TryBeginProbe"/>, and also among instances: when another instance has the
    /// probe of this cooldown, this one waits for its report instead of calling the source too.
    /// </summary>
    public async ValueTask<bool> TryBeginProbeAsync(string source)
    {
        if (!TryBeginProbe(source))
        {
            return false;
        }

        var entry = Entry(source);
        DateTimeOffset? cooldownUntil;
        lock (entry)
        {
            cooldownUntil = entry.CooldownUntil;
        }

        if (_share is null || cooldownUntil is not { } until || await _share.ClaimProbeAsync(source, until))
        {
            return true;
        }

        lock (entry)
        {
            // The other instance's report ends the wait; without one, this instance asks again a cooldown later.
            entry.ProbeInFlight = false;
            entry.ProbeAt = _time.GetUtcNow() + _options.CurrentValue.Cooldown;
        }

        return false;
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
        if (transition?.From == SourceState.Offline)
        {
            _share?.Announce(new SharedHealthReport(source, SourceState.Healthy, transition.Reason));
        }
    }

    /// <summary>Records a failed attempt; only failures that count against health move the state.</summary>
    public void RecordFailure(string source, UpstreamFailure failure, TimeSpan latency)
    {
        var entry = Entry(source);
        DateTimeOffset now = _time.GetUtcNow();
        HealthOptions options = _options.CurrentValue;
        StateTransition? transition = null;
        SharedHealthReport? report = null;
        lock (entry)
        {
            entry.ProbeInFlight = false;
            if (failure.Kind == FailureKind.Throttled)
            {
                entry.ThrottledUntil = failure.RetryAfter ?? now + TimeSpan.FromSeconds(60);
                report = new SharedHealthReport(source, entry.State, failure.Reason, ThrottledUntil: entry.ThrottledUntil);
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
                if (entry.State == SourceState.Offline)
                {
                    // Also a failed probe: its new cooldown is everyone's.
                    report = new SharedHealthReport(source, SourceState.Offline, entry.StateReason ?? failure.Reason,
                        entry.CooldownUntil);
                }
            }
        }

        if (failure.CountsAgainstHealth)
        {
            _events.AttemptCounted(source, now, success: false, latency);
        }

        Publish(source, transition);
        if (report is not null)
        {
            _share?.Announce(report);
        }
    }

    /// <summary>
    /// Applies what another instance learned: OFFLINE with the same cooldown end (this instance then skips the
    /// source without calling it), HEALTHY after an OFFLINE spell, or a throttle. Never announced again.
    /// </summary>
    public void ApplyShared(SharedHealthReport report)
    {
        var entry = Entry(report.Source);
        DateTimeOffset now = _time.GetUtcNow();
        StateTransition? transition = null;
        string reason = $"{report.Reason} (seen by instance {report.Instance})";
        lock (entry)
        {
            if (report.ThrottledUntil is { } throttled && throttled > now && !(entry.ThrottledUntil >= throttled))
            {
                entry.ThrottledUntil = throttled;
            }

            // Two instances that saw the failure at once settle on the later cooldown end.
            if (report is { State: SourceState.Offline, CooldownUntil: { } until }
                && (entry.State != SourceState.Offline || !(entry.CooldownUntil >= until)))
            {
                entry.CooldownUntil = until;
                entry.SkipReason = null;
                entry.ProbeAt = until + (_options.CurrentValue.ProbeJitter * NextJitter());
                transition = entry.MoveTo(SourceState.Offline, reason, now);
            }
            else if (report is { State: SourceState.Healthy, ThrottledUntil: null } && entry.State == SourceState.Offline)
            {
                transition = entry.Reset(now, reason);
            }
        }

        Publish(report.Source, transition, report.Instance);
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
        if (transition?.From == SourceState.Offline)
        {
            _share?.Announce(new SharedHealthReport(source, SourceState.Healthy, "reset by an operator"));
        }

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

    private void Publish(string source, StateTransition? transition, string? fromInstance = null)
    {
        if (transition is not null)
        {
            _events.StateChanged(source, transition, fromInstance);
        }
    }

    /// <summary>Refuses while the upstream itself has said that no request is left.</summary>
    private static Admission CheckUpstreamBlock(SourceHealthEntry entry, DateTimeOffset now) =>
        entry.QuotaBlockedUntil is { } blocked && blocked > now
            ? new(AdmissionDecision.SkipQuota, $"the upstream said its budget is spent until {Format(blocked)}", blocked)
            : new(AdmissionDecision.Allow);

    /// <summary>Spends one request of the source's budget, or says when the next one is possible.</summary>
    private Admission TakeFromBudget(SourceHealthEntry entry, DateTimeOffset now)
    {
        if (CheckUpstreamBlock(entry, now) is { Allowed: false } blocked)
        {
            return blocked;
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
        entry.ProbeAt = entry.CooldownUntil + (options.ProbeJitter * NextJitter());
    }

    private double NextJitter()
    {
        lock (_jitter)
        {
            return _jitter.NextDouble();
        }
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;

    private static string SlowReason(TimeSpan latency, HealthOptions options) =>
        $"slow: answered in {latency.TotalMilliseconds:F0} ms, above {options.SlowThreshold.TotalMilliseconds:F0} ms";

    private static string Format(DateTimeOffset at) => at.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
