using System.Text.Json.Serialization;
using CoinSource.Routing;
using CoinSource.Storage;

namespace CoinSource.Api;

/// <summary>Every successful answer: the data, and where it came from.</summary>
public sealed record ApiResponse<T>(T Data, ResponseMeta Meta);

/// <summary>Where an answer came from, how old it is, and the decisions that produced it.</summary>
public sealed record ResponseMeta
{
    /// <summary>The source whose data this is.</summary>
    public string? Source { get; init; }

    /// <summary>Answered from the cache, without calling any source for this request.</summary>
    public bool Cached { get; init; }

    /// <summary>Every source failed; this is the last good data, older than its time to live.</summary>
    public bool Stale { get; init; }

    /// <summary>Seconds since the data was fetched from its source.</summary>
    public double AgeSeconds { get; init; }

    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>The caller pinned one source with <c>source=</c>: no failover to others.</summary>
    public bool Pinned { get; init; }

    /// <summary>"enabled", or why not.</summary>
    public required string Failover { get; init; }

    /// <summary>The decision trace of this request: every candidate considered, in order.</summary>
    public IReadOnlyList<Attempt> Attempts { get; init; } = [];

    /// <summary>Candles only: runs of open times missing from the answered candles; absent elsewhere.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CandleGap>? Gaps { get; init; }
}
