using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CoinSource.Sources;

/// <summary>How many requests a source accepts per window: its free tier, written as "30/60" (30 per 60 s).</summary>
public readonly record struct RequestBudget(int Requests, TimeSpan Window)
{
    public static bool TryParse(string text, [NotNullWhen(true)] out RequestBudget? budget)
    {
        budget = null;
        string[] parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int requests)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)
            && requests is >= 1 and <= 1_000_000 && seconds is >= 1 and <= 31 * 86_400)
        {
            budget = new RequestBudget(requests, TimeSpan.FromSeconds(seconds));
        }

        return budget is not null;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Requests}/{Window.TotalSeconds:0}");
}
