using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace CoinSource.Bench.Harness;

/// <summary>The bench's HTTP client: no proxy, enough connections for a stampede, and timed quote calls.</summary>
public static class BenchHttp
{
    /// <summary>A client for one server; <paramref name="connections"/> caps the connections it opens.</summary>
    public static HttpClient CreateClient(Uri baseAddress, TimeSpan timeout, int connections = 16)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
    }

    /// <summary>One GET, timed from the send to the body's last byte, with the answer's meta read.</summary>
    public static async Task<QuoteAnswer> GetQuoteAsync(HttpClient client, string path,
        CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        return QuoteAnswer.Parse((int)response.StatusCode, body, ms);
    }

    /// <summary>A GET whose answer every figure depends on: anything but 200 is a broken set-up.</summary>
    public static async Task<QuoteAnswer> GetOkAsync(HttpClient client, string path,
        CancellationToken cancellationToken)
    {
        var answer = await GetQuoteAsync(client, path, cancellationToken);
        return answer.Status == (int)HttpStatusCode.OK
            ? answer
            : throw new BenchSetupException($"GET {path} answered {answer.Status}: {answer.Text(300)}");
    }

    /// <summary>A POST to an administrative endpoint (allowed from loopback); it must succeed.</summary>
    public static async Task PostOkAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new BenchSetupException($"POST {path} answered {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>A GET of a JSON document, parsed; anything but 200 is a broken set-up.</summary>
    public static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path,
        CancellationToken cancellationToken)
    {
        var answer = await GetOkAsync(client, path, cancellationToken);
        return JsonDocument.Parse(answer.Body);
    }
}
