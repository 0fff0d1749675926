namespace CoinSource.Health;

/// <summary>
/// Tells the other instances what this one learned about a source (OFFLINE with its cooldown, back to HEALTHY,
/// throttled by a 429), and makes sure that only one instance probes an OFFLINE source per cooldown.
/// </summary>
public interface IHealthShare
{
    /// <summary>Sends a report to the other instances; does not wait for them.</summary>
    void Announce(SharedHealthReport report);

    /// <summary>
    /// Claims the one probe of <paramref name="source"/> for the cooldown that ends at
    /// <paramref name="cooldownUntil"/>; true when this instance should probe (also when nothing is shared).
    /// </summary>
    ValueTask<bool> ClaimProbeAsync(string source, DateTimeOffset cooldownUntil);
}

/// <summary>What one instance learned about a source, as the others apply it.</summary>
/// <param name="Source">The source.</param>
/// <param name="State">OFFLINE, or HEALTHY after an OFFLINE spell; DEGRADED stays each instance's own.</param>
/// <param name="Reason">Why, as the reporting instance saw it.</param>
/// <param name="CooldownUntil">When an OFFLINE source's cooldown ends, the same for every instance.</param>
/// <param name="ThrottledUntil">Until when the upstream asked not to be called (429 with Retry-After).</param>
/// <param name="Instance">The reporting instance; set by the share.</param>
public sealed record SharedHealthReport(string Source, SourceState State, string Reason,
    DateTimeOffset? CooldownUntil = null, DateTimeOffset? ThrottledUntil = null, string? Instance = null);
