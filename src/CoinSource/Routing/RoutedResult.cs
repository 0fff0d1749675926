using System.Diagnostics.CodeAnalysis;

namespace CoinSource.Routing;

/// <summary>The outcome of routing one request across its candidate sources.</summary>
public sealed class RoutedResult<T>
{
    private RoutedResult(T? value, string? source, IReadOnlyList<Attempt> attempts, DateTimeOffset? retryAt)
    {
        Value = value;
        Source = source;
        Attempts = attempts;
        RetryAt = retryAt;
    }

    public T? Value { get; }

    /// <summary>The source that served the value; null when none did.</summary>
    public string? Source { get; }

    public IReadOnlyList<Attempt> Attempts { get; }

    /// <summary>When a skipped source may be tried again; the hint for a 503's Retry-After.</summary>
    public DateTimeOffset? RetryAt { get; }

    [MemberNotNullWhen(true, nameof(Value), nameof(Source))]
    public bool IsSuccess => Source is not null;

    /// <summary>True when every source that was asked said it does not list the symbol.</summary>
    public bool NotListedAnywhere =>
        !IsSuccess && Attempts.Count > 0 && Attempts.All(a => a.Outcome == AttemptOutcome.NotListed);

    public bool WasCancelled => Attempts.Any(a => a.Outcome == AttemptOutcome.Cancelled);

    /// <summary>No routing happened: the answer came from the cache.</summary>
    public static RoutedResult<T> NotRouted { get; } = new(default, null, [], null);

    public static RoutedResult<T> Served(T value, string source, IReadOnlyList<Attempt> attempts) =>
        new(value, source, attempts, null);

    public static RoutedResult<T> Failed(IReadOnlyList<Attempt> attempts, DateTimeOffset? retryAt) =>
        new(default, null, attempts, retryAt);
}
