namespace CoinSource.Bench.Harness;

/// <summary>One line of an answer's <c>meta.attempts</c>: a candidate source and what came of it.</summary>
public sealed record QuoteAttempt(string Source, string Outcome, string? Reason, double Ms);
