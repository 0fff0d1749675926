namespace CoinSource.Health;

/// <summary>A source's request budget as the health API shows it.</summary>
/// <param name="Limit">Requests per window, written requests/seconds: 30/60.</param>
/// <param name="Remaining">Whole requests left now.</param>
/// <param name="BlockedUntil">When the upstream said its own budget starts again, if it said none is left.</param>
public sealed record BudgetView(string Limit, int Remaining, DateTimeOffset? BlockedUntil);
