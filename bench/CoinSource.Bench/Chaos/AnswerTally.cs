using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace CoinSource.Bench.Chaos;

/// <summary>The chaos run's answers, classified: fresh, stale, designed 503, any other 5xx, 4xx, no answer.</summary>
public sealed class AnswerTally
{
    /// <summary>The readiness probe says 503 "not ready" by design, without Retry-After: orchestrators poll it.</summary>
    private const string ReadinessPath = "/health/ready";

    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private int _sent;
    private int _fresh;
    private int _stale;
    private int _designed503;
    private int _other5xx;
    private int _noAnswer;

    public int Sent => _sent;

    public int Fresh => _fresh;

    public int Stale => _stale;

    public int Designed503 => _designed503;

    public int Other5xx => _other5xx;

    public int NoAnswer => _noAnswer;

    public IReadOnlyDictionary<int, int> ByStatus => _byStatus;

    /// <summary>The first few answers that break the contract, to explain a miss.</summary>
    public IEnumerable<string> Unexpected => _unexpected.Take(5);

    public void Count(string path, HttpResponseMessage response, byte[] body)
    {
        Interlocked.Increment(ref _sent);
        int status = (int)response.StatusCode;
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            if (IsStale(body))
            {
                Interlocked.Increment(ref _stale);
            }
            else
            {
                Interlocked.Increment(ref _fresh);
            }
        }
        else if (response.StatusCode == HttpStatusCode.ServiceUnavailable
                 && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                 && (response.Headers.RetryAfter is not null || path.StartsWith(ReadinessPath, StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _designed503);
        }
        else if (status >= 500)
        {
            Interlocked.Increment(ref _other5xx);
            string start = System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(200, body.Length)));
            _unexpected.Enqueue($"{path}: {status} {start}");
        }
    }

    public void CountNoAnswer(string path, string reason)
    {
        Interlocked.Increment(ref _sent);
        Interlocked.Increment(ref _noAnswer);
        _unexpected.Enqueue($"{path}: no answer: {reason}");
    }

    private static bool IsStale(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("meta", out var meta)
                && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("stale", out var stale)
                && stale.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
