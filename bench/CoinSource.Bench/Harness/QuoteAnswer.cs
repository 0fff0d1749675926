using System.Text;
using System.Text.Json;

namespace CoinSource.Bench.Harness;

/// <summary>A CoinSource answer as the bench sees it: status, body, time taken and what its meta says.</summary>
public sealed record QuoteAnswer
{
    public required int Status { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>Client-side time from send to the end of the body, in milliseconds.</summary>
    public required double Ms { get; init; }

    /// <summary><c>meta.source</c>: the source whose data this is.</summary>
    public string? Source { get; init; }

    /// <summary><c>meta.cached</c>: answered without a call for this request.</summary>
    public bool Cached { get; init; }

    public IReadOnlyList<QuoteAttempt> Attempts { get; init; } = [];

    public static QuoteAnswer Parse(int status, byte[] body, double ms)
    {
        var answer = new QuoteAnswer { Status = status, Body = body, Ms = ms };
        if (!TryReadMeta(body, out var meta))
        {
            return answer;
        }

        return answer with
        {
            Source = meta.TryGetProperty("source", out var source) ? source.GetString() : null,
            Cached = meta.TryGetProperty("cached", out var cached) && cached.ValueKind == JsonValueKind.True,
            Attempts = meta.TryGetProperty("attempts", out var attempts) ? ReadAttempts(attempts) : [],
        };
    }

    /// <summary>The body as text, cut to <paramref name="max"/> characters, for messages.</summary>
    public string Text(int max)
    {
        string text = Encoding.UTF8.GetString(Body);
        return text.Length <= max ? text : text[..max] + "...";
    }

    private static bool TryReadMeta(byte[] body, out JsonElement meta)
    {
        meta = default;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("meta", out var found))
            {
                meta = found.Clone();
                return true;
            }
        }
        catch (JsonException)
        {
            // Not JSON (an nginx error page, a cut body): the answer keeps its status and bytes only.
        }

        return false;
    }

    private static List<QuoteAttempt> ReadAttempts(JsonElement attempts) =>
        attempts.ValueKind != JsonValueKind.Array
            ? []
            : [.. attempts.EnumerateArray().Select(a => new QuoteAttempt(
                a.GetProperty("source").GetString() ?? "",
                a.GetProperty("outcome").GetString() ?? "",
                a.TryGetProperty("reason", out var reason) ? reason.GetString() : null,
                a.GetProperty("ms").GetDouble()))];
}
