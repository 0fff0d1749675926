using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CoinSource.SafeHttp;

/// <summary>
/// The only way CoinSource talks to an upstream. It trusts nothing: only status 200 with the expected content type
/// and a non-empty body under the size cap reaches the adapter's parser, error envelopes sent with 200 are
/// failures, each attempt has a timeout, and a caller that goes away cancels the call.
/// </summary>
public sealed class SafeHttpClient(HttpClient http, IOptionsMonitor<UpstreamOptions> options, TimeProvider time)
{
    private const int ErrorBodyLimit = 16 * 1024;

    /// <summary>Calls the upstream and parses a JSON body with <paramref name="parse"/>.</summary>
    public async Task<UpstreamResult<T>> GetJsonAsync<T>(
        UpstreamRequest request, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        var limit = new RateLimitSlot();
        return (await ReadJsonAsync(request, parse, limit, cancellationToken)).From(request.Endpoint, limit.Value);
    }

    /// <summary>Calls the upstream and hands the raw body to <paramref name="parse"/> (XML feeds).</summary>
    public async Task<UpstreamResult<T>> GetBodyAsync<T>(
        UpstreamRequest request, Func<ReadOnlyMemory<byte>, T> parse, CancellationToken cancellationToken)
    {
        var limit = new RateLimitSlot();
        return (await ReadBodyAsync(request, parse, limit, cancellationToken)).From(request.Endpoint, limit.Value);
    }

    private async Task<UpstreamResult<T>> ReadJsonAsync<T>(
        UpstreamRequest request, Func<JsonElement, T> parse, RateLimitSlot limit, CancellationToken cancellationToken)
    {
        UpstreamOptions limits = options.CurrentValue;
        var body = await FetchAsync(request, limits, limit, cancellationToken);
        if (!body.IsSuccess)
        {
            return UpstreamResult<T>.Fail(body.Failure, body.Bytes);
        }

        using var buffer = body.Value;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.Memory, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            return UpstreamResult<T>.Fail(new(FailureKind.Unparsable, $"body is not valid JSON: {ex.Message}"), body.Bytes);
        }

        using (document)
        {
            if (request.ReadError?.Invoke(document.RootElement, 200) is { } payloadError)
            {
                return UpstreamResult<T>.Fail(payloadError, body.Bytes);
            }

            return Parse(() => parse(document.RootElement), body.Bytes);
        }
    }

    private async Task<UpstreamResult<T>> ReadBodyAsync<T>(
        UpstreamRequest request, Func<ReadOnlyMemory<byte>, T> parse, RateLimitSlot limit,
        CancellationToken cancellationToken)
    {
        var body = await FetchAsync(request, options.CurrentValue, limit, cancellationToken);
        if (!body.IsSuccess)
        {
            return UpstreamResult<T>.Fail(body.Failure, body.Bytes);
        }

        using var buffer = body.Value;
        return Parse(() => parse(buffer.Memory), body.Bytes);
    }

    private static UpstreamResult<T> Parse<T>(Func<T> parse, long bytes)
    {
        try
        {
            return UpstreamResult<T>.Success(parse(), bytes);
        }
        catch (NotListedException ex)
        {
            return UpstreamResult<T>.Fail(UpstreamFailure.NotListed(ex.Message), bytes);
        }
        catch (System.Xml.XmlException ex)
        {
            return UpstreamResult<T>.Fail(new(FailureKind.Unparsable, $"body is not a valid feed: {ex.Message}"), bytes);
        }
        catch (Exception ex) when (ex is InvalidUpstreamDataException or InvalidOperationException
                                       or FormatException or KeyNotFoundException or OverflowException
                                       or ArgumentException or IndexOutOfRangeException or JsonException)
        {
            // JsonElement throws InvalidOperationException for a wrong value kind and KeyNotFoundException for a
            // missing property: both mean the upstream sent something other than its documented format.
            return UpstreamResult<T>.Fail(new(FailureKind.InvalidData, ex.Message), bytes);
        }
    }

    private async Task<UpstreamResult<PooledBody>> FetchAsync(
        UpstreamRequest request, UpstreamOptions limits, RateLimitSlot limit, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(limits.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var message = new HttpRequestMessage(request.JsonBody is null ? HttpMethod.Get : HttpMethod.Post,
                request.Uri);
            if (request.JsonBody is not null)
            {
                message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
            }

            message.Headers.Accept.ParseAdd(request.Expected == ExpectedContent.Json
                ? "application/json"
                : "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8");
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            limit.Value = RateLimitInfo.From(response.Headers, time.GetUtcNow());
            return await ReadAsync(request, response, limits, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return UpstreamResult<PooledBody>.Fail(new(FailureKind.Cancelled, "the caller went away"));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var ms = (long)limits.AttemptTimeout.TotalMilliseconds;
            return UpstreamResult<PooledBody>.Fail(new(FailureKind.Timeout, $"no complete answer within {ms} ms"));
        }
        catch (HttpRequestException ex)
        {
            return UpstreamResult<PooledBody>.Fail(new(FailureKind.Network, NetworkReason(ex)));
        }
        catch (IOException ex)
        {
            return UpstreamResult<PooledBody>.Fail(new(FailureKind.Network, $"connection broke: {ex.Message}"));
        }
    }

    private async Task<UpstreamResult<PooledBody>> ReadAsync(
        UpstreamRequest request, HttpResponseMessage response, UpstreamOptions limits, CancellationToken token)
    {
        int status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return UpstreamResult<PooledBody>.Fail(Throttled(response, limits));
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return UpstreamResult<PooledBody>.Fail(await StatusFailureAsync(request, response, status, token));
        }

        if (!HasExpectedType(response.Content.Headers.ContentType, request.Expected))
        {
            string actual = response.Content.Headers.ContentType?.MediaType ?? "no content type";
            return UpstreamResult<PooledBody>.Fail(
                new(FailureKind.WrongContentType, $"expected {request.Expected} but got {actual}"));
        }

        if (response.Content.Headers.ContentLength is long declared && declared > limits.MaxBodyBytes)
        {
            return UpstreamResult<PooledBody>.Fail(TooLarge(limits), declared);
        }

        var body = await ReadCappedAsync(response.Content, limits.MaxBodyBytes, token);
        if (body is null)
        {
            return UpstreamResult<PooledBody>.Fail(TooLarge(limits), limits.MaxBodyBytes);
        }

        if (body.Length == 0)
        {
            body.Dispose();
            return UpstreamResult<PooledBody>.Fail(new(FailureKind.EmptyBody, "status 200 with an empty body"));
        }

        return UpstreamResult<PooledBody>.Success(body, body.Length);
    }

    private static async Task<UpstreamFailure> StatusFailureAsync(
        UpstreamRequest request, HttpResponseMessage response, int status, CancellationToken token)
    {
        string reason = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        if (request.ReadError is null || status is 204 or 206 || !IsJson(response.Content.Headers.ContentType))
        {
            return new(FailureKind.BadStatus, reason);
        }

        // Some upstreams say "unknown symbol" with a 4xx and a JSON envelope: read it, so that it is classified
        // as not listed rather than as an outage.
        using var body = await ReadCappedAsync(response.Content, ErrorBodyLimit, token);
        if (body is null || body.Length == 0)
        {
            return new(FailureKind.BadStatus, reason);
        }

        try
        {
            using var document = JsonDocument.Parse(body.Memory);
            var envelope = request.ReadError(document.RootElement, status);
            return envelope is null
                ? new(FailureKind.BadStatus, reason)
                : envelope with { Reason = $"{reason}: {envelope.Reason}", Kind = StatusKind(envelope.Kind) };
        }
        catch (JsonException)
        {
            return new(FailureKind.BadStatus, reason);
        }
    }

    private static FailureKind StatusKind(FailureKind envelopeKind) =>
        envelopeKind is FailureKind.NotListed or FailureKind.Throttled ? envelopeKind : FailureKind.BadStatus;

    private UpstreamFailure Throttled(HttpResponseMessage response, UpstreamOptions limits)
    {
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset until = response.Headers.RetryAfter switch
        {
            { Delta: TimeSpan delta } when delta > TimeSpan.Zero => now + delta,
            { Date: DateTimeOffset date } when date > now => date,
            _ => now + limits.DefaultThrottle,
        };
        string header = response.Headers.RetryAfter is null ? "no Retry-After" : $"Retry-After {response.Headers.RetryAfter}";
        string untilText = until.ToString("O", CultureInfo.InvariantCulture);
        return new(FailureKind.Throttled, $"HTTP 429 Too Many Requests ({header}); throttled until {untilText}", until);
    }

    private static UpstreamFailure TooLarge(UpstreamOptions limits) =>
        new(FailureKind.BodyTooLarge, $"body larger than the {limits.MaxBodyBytes} byte cap");

    private static bool HasExpectedType(MediaTypeHeaderValue? type, ExpectedContent expected) =>
        expected == ExpectedContent.Json ? IsJson(type) : IsXml(type);

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsXml(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media
        && (media.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+xml", StringComparison.OrdinalIgnoreCase));

    private static string NetworkReason(HttpRequestException ex) =>
        ex.HttpRequestError == HttpRequestError.Unknown
            ? $"request failed: {ex.Message}"
            : $"request failed ({ex.HttpRequestError}): {ex.Message}";

    /// <summary>Reads at most <paramref name="cap"/> bytes; null when the body is longer.</summary>
    private static async Task<PooledBody?> ReadCappedAsync(HttpContent content, long cap, CancellationToken token)
    {
        await using var stream = await content.ReadAsStreamAsync(token);
        var body = new PooledBody(4096);
        try
        {
            while (true)
            {
                var free = body.FreeSpace(cap);
                int read = await stream.ReadAsync(free, token);
                if (read == 0)
                {
                    return body;
                }

                body.Advance(read);
                if (body.Length > cap)
                {
                    body.Dispose();
                    return null;
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Carries the rate-limit headers of an answer out of the reading code, whatever its outcome.</summary>
    private sealed class RateLimitSlot
    {
        public RateLimitInfo? Value { get; set; }
    }

    /// <summary>A growable body buffer rented from the shared pool, so large answers do not churn the heap.</summary>
    private sealed class PooledBody(int initialSize) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialSize);

        public int Length { get; private set; }

        public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

        public Memory<byte> FreeSpace(long cap)
        {
            if (Length == _buffer.Length)
            {
                // One byte past the cap is enough to know the body is too large.
                long wanted = Math.Min((long)_buffer.Length * 2, cap + 1);
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Max(wanted, Length + 1));
                _buffer.AsSpan(0, Length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            return _buffer.AsMemory(Length);
        }

        public void Advance(int count) => Length += count;

        public void Dispose()
        {
            var buffer = Interlocked.Exchange(ref _buffer, []);
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
