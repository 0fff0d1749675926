using System.Diagnostics.CodeAnalysis;

namespace CoinSource.SafeHttp;

/// <summary>The outcome of one upstream attempt: a value, or a failure with its reason. Never both.</summary>
public sealed class UpstreamResult<T>
{
    private UpstreamResult(T? value, UpstreamFailure? failure, long bytes, string? endpoint = null,
        RateLimitInfo? rateLimit = null)
    {
        Value = value;
        Failure = failure;
        Bytes = bytes;
        Endpoint = endpoint;
        RateLimit = rateLimit;
    }

    public T? Value { get; }

    public UpstreamFailure? Failure { get; }

    /// <summary>Body bytes received, after decompression.</summary>
    public long Bytes { get; }

    /// <summary>The upstream endpoint called, for the decision trace ("ticker/24hr").</summary>
    public string? Endpoint { get; }

    /// <summary>What the upstream's headers said about its rate limit, if anything.</summary>
    public RateLimitInfo? RateLimit { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    public static UpstreamResult<T> Success(T value, long bytes = 0) => new(value, null, bytes);

    public static UpstreamResult<T> Fail(UpstreamFailure failure, long bytes = 0) => new(default, failure, bytes);

    /// <summary>Keeps the failure (or maps the value) into a result of another type.</summary>
    public UpstreamResult<TOut> Map<TOut>(Func<T, TOut> map) =>
        IsSuccess
            ? UpstreamResult<TOut>.Success(map(Value), Bytes).From(Endpoint, RateLimit)
            : UpstreamResult<TOut>.Fail(Failure, Bytes).From(Endpoint, RateLimit);

    /// <summary>The same result, labelled with the endpoint that produced it and what it said of its limit.</summary>
    public UpstreamResult<T> From(string? endpoint, RateLimitInfo? rateLimit = null) =>
        new(Value, Failure, Bytes, endpoint, rateLimit ?? RateLimit);
}
