namespace CoinSource.Health;

/// <summary>Whether a request may call a source now.</summary>
public enum AdmissionDecision
{
    /// <summary>Call it.</summary>
    Allow,

    /// <summary>Skip it: OFFLINE until the background prober finds it answering again.</summary>
    SkipOffline,

    /// <summary>Skip it: it answered 429 and asked to wait.</summary>
    SkipThrottled,

    /// <summary>Skip it: its request budget is spent; calling would exceed its free tier.</summary>
    SkipQuota,
}

/// <summary>The tracker's answer to "may I call this source now?", with the reason when it is no.</summary>
public readonly record struct Admission(AdmissionDecision Decision, string? Reason = null, DateTimeOffset? Until = null)
{
    public bool Allowed => Decision is AdmissionDecision.Allow;
}
