namespace CoinSource.Proof;

/// <summary>
/// One answer of the sweep: the request, its status, and whether an error was problem+json with a detail.
/// Status 0 is a connection the server closed without any answer. The excerpt is the body's start, to explain.
/// </summary>
public sealed record SweepAnswer(string Request, int Status, bool IsProblem, bool HasDetail, string Excerpt)
{
    /// <summary>What breaks the contract: any 5xx, no answer, or a 4xx that is not problem+json with a detail.</summary>
    public string? Violation => Status switch
    {
        0 => "no answer",
        >= 500 => $"status {Status}",
        >= 400 when IsProtocolRejection => null,
        >= 400 when !IsProblem => $"status {Status} without application/problem+json",
        >= 400 when !HasDetail => $"status {Status} problem without a detail",
        _ => null,
    };

    /// <summary>
    /// The web server refused the request before it reached the API (a NUL in the path, a body over the limit
    /// sent without waiting for 100 Continue): an empty 4xx, the one kind of error that cannot be problem+json.
    /// </summary>
    public bool IsProtocolRejection => Status is >= 400 and < 500 && !IsProblem && Excerpt.Length == 0;

    public override string ToString() => $"{Request} -> {Status}";
}
