using CoinSource.Sources;

namespace CoinSource.Health;

/// <summary>A request budget that several instances spend together, so that all of them stay within it.</summary>
public interface IQuotaShare
{
    /// <summary>Takes one request from the shared budget; null when the shared budget cannot be reached now.</summary>
    ValueTask<QuotaTake?> TryTakeAsync(string source, RequestBudget budget);
}

/// <summary>The shared budget's answer: allowed or not, what is left, and how long until the next request fits.</summary>
public readonly record struct QuotaTake(bool Allowed, double Remaining, TimeSpan Wait);
