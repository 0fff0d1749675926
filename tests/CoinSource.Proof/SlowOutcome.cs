namespace CoinSource.Proof;

/// <summary>
/// How a slow connection ended: whether the server cut it (rather than the client giving up), the status line it
/// sent first if any (408 Request Timeout), and how long the connection lasted.
/// </summary>
public sealed record SlowOutcome(bool CutByServer, string? StatusLine, TimeSpan Lasted);
