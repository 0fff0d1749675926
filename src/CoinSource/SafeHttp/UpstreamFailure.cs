namespace CoinSource.SafeHttp;

/// <summary>Why one upstream attempt failed, in words an operator can act on.</summary>
/// <param name="Kind">The class of failure; decides how health counts it.</param>
/// <param name="Reason">A short human sentence, for example "HTTP 503 Service Unavailable".</param>
/// <param name="RetryAfter">For <see cref="FailureKind.Throttled"/>: when the upstream accepts calls again.</param>
public sealed record UpstreamFailure(FailureKind Kind, string Reason, DateTimeOffset? RetryAfter = null)
{
    /// <summary>Whether this failure moves the source towards OFFLINE.</summary>
    public bool CountsAgainstHealth =>
        Kind is not (FailureKind.NotListed or FailureKind.Cancelled or FailureKind.Throttled);

    public static UpstreamFailure NotListed(string reason) => new(FailureKind.NotListed, reason);

    public static UpstreamFailure ErrorPayload(string reason) => new(FailureKind.ErrorPayload, reason);

    public override string ToString() => $"{Kind}: {Reason}";
}
