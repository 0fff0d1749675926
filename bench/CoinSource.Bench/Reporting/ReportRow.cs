namespace CoinSource.Bench.Reporting;

/// <summary>One figure of a report, its aim in words, and the verdict.</summary>
public sealed record ReportRow(string Figure, string Value, string Aim, Verdict Verdict);
