using System.Text.Json;

namespace CoinSource.Bench.Chaos;

/// <summary>
/// Reads the server's JSON console log (LOG_FORMAT=json): the errors that are faults (an exception reached the
/// framework: the exception handler, Kestrel, the host) apart from CoinSource's own error lines, such as a
/// source going OFFLINE, which are decisions.
/// </summary>
public sealed record ServerLog(IReadOnlyList<string> Faults, int DecisionErrors, string? FirstDecision)
{
    public static ServerLog Parse(string output)
    {
        List<string> faults = [];
        int decisions = 0;
        string? first = null;
        foreach (string line in output.Split('\n'))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var entry = TryParse(line);
            if (entry is null || !IsError(entry.RootElement))
            {
                continue;
            }

            string category = entry.RootElement.TryGetProperty("Category", out var c) ? c.GetString() ?? "" : "";
            bool hasException = entry.RootElement.TryGetProperty("Exception", out var e)
                && !string.IsNullOrEmpty(e.GetString());
            if (hasException || !category.StartsWith("CoinSource", StringComparison.Ordinal))
            {
                faults.Add(line.Length > 300 ? line[..300] : line);
            }
            else
            {
                decisions++;
                first ??= entry.RootElement.TryGetProperty("Message", out var m) ? m.GetString() : line;
            }
        }

        return new ServerLog(faults, decisions, first);
    }

    private static bool IsError(JsonElement entry) =>
        entry.TryGetProperty("LogLevel", out var level) && level.GetString() is "Error" or "Critical";

    private static JsonDocument? TryParse(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
