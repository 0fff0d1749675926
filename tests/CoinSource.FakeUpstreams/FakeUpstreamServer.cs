using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoinSource.FakeUpstreams;

/// <summary>
/// A real HTTP server on 127.0.0.1 that plays every upstream at once, each under its own path prefix
/// (<c>http://127.0.0.1:port/binance/api/v3/klines</c>), answering in the real API's format or failing in any
/// of the ways of <see cref="FailureMode"/>. It counts the calls each source receives.
/// </summary>
public sealed class FakeUpstreamServer : IAsyncDisposable
{
    /// <summary>Size of the oversized body: far past any sane cap.</summary>
    public const int OversizedBytes = 64 * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly Dictionary<string, IFakeFormat> _formats;
    private readonly ConcurrentDictionary<string, Behaviour> _behaviours = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _aborted = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _abusiveBytes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _abusiveEnded = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (int Calls, TimeSpan Reset)> _limits =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _headers =
        new(StringComparer.OrdinalIgnoreCase);

    private readonly Func<long> _bytesOnTheWire;

    private FakeUpstreamServer(WebApplication app, Dictionary<string, IFakeFormat> formats, FakeMarket market,
        Func<long> bytesOnTheWire)
    {
        _bytesOnTheWire = bytesOnTheWire;
        _app = app;
        _formats = formats;
        Market = market;
    }

    public FakeMarket Market { get; }

    public Uri Address { get; private set; } = null!;

    /// <summary>The sources this server can play.</summary>
    public IEnumerable<string> Sources => _formats.Keys;

    public static async Task<FakeUpstreamServer> StartAsync(IEnumerable<IFakeFormat>? formats = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        long onTheWire = 0;
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => connection =>
        {
            connection.Transport = new CountingPipe(connection.Transport, n => Interlocked.Add(ref onTheWire, n));
            return next(connection);
        })));
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var market = new FakeMarket();
        var known = (formats ?? FakeFormats.All).ToDictionary(f => f.Source, StringComparer.OrdinalIgnoreCase);
        var server = new FakeUpstreamServer(app, known, market, () => Interlocked.Read(ref onTheWire));
        app.Use(server.MisbehaveAsync);
        foreach (var format in known.Values)
        {
            format.Map(app.MapGroup("/" + format.Source), market);
        }

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        server.Address = new Uri(address);
        return server;
    }

    /// <summary>The base URL to configure for a source: SOURCE_BINANCE_URL=...</summary>
    public Uri BaseUrl(string source) => new(Address, $"/{source}");

    /// <summary>Makes a source misbehave until <see cref="Heal"/>; <paramref name="times"/> limits it to N calls.</summary>
    public void Fail(string source, FailureMode mode, int? times = null, TimeSpan? retryAfter = null) =>
        _behaviours[source] = new Behaviour(mode, times, retryAfter ?? TimeSpan.FromSeconds(30), Current(source).Delay);

    /// <summary>Makes a source answer every call with <paramref name="status"/> until <see cref="Heal"/>.</summary>
    public void FailStatus(string source, int status) =>
        _behaviours[source] = new Behaviour(FailureMode.Status, null, TimeSpan.Zero, Current(source).Delay, status);

    /// <summary>
    /// Makes a source flap until <see cref="Heal"/>: one call in <paramref name="every"/> fails with
    /// <paramref name="mode"/>, the others answer correctly.
    /// </summary>
    public void Flap(string source, FailureMode mode, int every = 3) =>
        _behaviours[source] = new Behaviour(mode, null, TimeSpan.FromSeconds(30), Current(source).Delay,
            FlapEvery: every);

    /// <summary>Adds latency before every answer of a source.</summary>
    public void Delay(string source, TimeSpan delay) => _behaviours[source] = Current(source) with { Delay = delay };

    /// <summary>
    /// Gives a source a rate limit of <paramref name="calls"/> per window: every answer says what is left in
    /// X-RateLimit-Remaining and X-RateLimit-Reset, and once it is spent the source answers 429 with Retry-After.
    /// </summary>
    public void LimitAfter(string source, int calls, TimeSpan reset) => _limits[source] = (calls, reset);

    public void Heal(string source) => _behaviours.TryRemove(source, out _);

    public void HealAll() => _behaviours.Clear();

    public int Calls(string source) => _calls.GetValueOrDefault(source);

    public int TotalCalls => _calls.Values.Sum();

    /// <summary>The headers of the last request a source received; empty before the first.</summary>
    public IReadOnlyDictionary<string, string> LastHeaders(string source) =>
        _headers.GetValueOrDefault(source) ?? new Dictionary<string, string>();

    /// <summary>Calls whose client hung up before the answer was complete.</summary>
    public int Aborted(string source) => _aborted.GetValueOrDefault(source);

    /// <summary>
    /// Bytes a source's abusive bodies (endless, 1 GiB, deep, gzip bomb) were written by the fake; a write after
    /// the client hung up may still count, so <see cref="BytesOnTheWire"/> is the figure of what was sent.
    /// </summary>
    public long AbusiveBytesWritten(string source) => _abusiveBytes.GetValueOrDefault(source);

    /// <summary>Every byte handed to the sockets, headers included, over all connections since the start.</summary>
    public long BytesOnTheWire => _bytesOnTheWire();

    /// <summary>Abusive bodies a source has finished sending, or stopped sending because the client hung up.</summary>
    public int AbusiveBodiesEnded(string source) => _abusiveEnded.GetValueOrDefault(source);

    public void ResetCounts()
    {
        _calls.Clear();
        _aborted.Clear();
        _abusiveBytes.Clear();
        _abusiveEnded.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Behaviour Current(string source) =>
        _behaviours.GetValueOrDefault(source) ?? new Behaviour(FailureMode.None, null, TimeSpan.Zero, TimeSpan.Zero);

    private async Task MisbehaveAsync(HttpContext context, RequestDelegate next)
    {
        string source = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!_formats.TryGetValue(source, out var format))
        {
            await next(context);
            return;
        }

        int call = _calls.AddOrUpdate(source, 1, (_, n) => n + 1);
        _headers[source] = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        using var abort = context.RequestAborted.Register(() => _aborted.AddOrUpdate(source, 1, (_, n) => n + 1));
        var behaviour = Consume(source);
        if (behaviour.FlapEvery > 0 && call % behaviour.FlapEvery != 0)
        {
            behaviour = behaviour with { Mode = FailureMode.None };
        }

        if (_limits.TryGetValue(source, out var limit))
        {
            string reset = ((int)limit.Reset.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Remaining"] =
                Math.Max(0, limit.Calls - call).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Reset"] = reset;
            if (call > limit.Calls)
            {
                behaviour = behaviour with { Mode = FailureMode.TooManyRequests, RetryAfter = limit.Reset };
            }
        }

        try
        {
            if (behaviour.Delay > TimeSpan.Zero)
            {
                await Task.Delay(behaviour.Delay, context.RequestAborted);
            }

            if (behaviour.Mode == FailureMode.None)
            {
                await next(context);
                return;
            }

            await WriteFailureAsync(context, format, behaviour);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException
                                   && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; counted by the registration above.
        }
    }

    private Behaviour Consume(string source)
    {
        var behaviour = Current(source);
        if (behaviour.Remaining is { } remaining)
        {
            if (remaining <= 0)
            {
                _behaviours.TryRemove(source, out _);
                return behaviour with { Mode = FailureMode.None };
            }

            _behaviours[source] = behaviour with { Remaining = remaining - 1 };
        }

        return behaviour;
    }

    private async Task WriteFailureAsync(HttpContext context, IFakeFormat format, Behaviour behaviour)
    {
        var response = context.Response;
        switch (behaviour.Mode)
        {
            case FailureMode.PartialContent:
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.ContentType = "application/json";
                await response.WriteAsync("{\"partial\":true}");
                break;
            case FailureMode.NoContent:
                response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case FailureMode.EmptyBody:
                response.ContentType = format.ContentType;
                response.ContentLength = 0;
                break;
            case FailureMode.Html:
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync("<html><body><h1>Service temporarily unavailable</h1></body></html>");
                break;
            case FailureMode.BrokenJson:
                response.ContentType = format.ContentType;
                await response.WriteAsync(format.BrokenBody);
                break;
            case FailureMode.TooManyRequests:
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = ((int)behaviour.RetryAfter.TotalSeconds).ToString(
                    System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "application/json";
                await response.WriteAsync("{\"error\":\"rate limited\"}");
                break;
            case FailureMode.Status:
                response.StatusCode = behaviour.Status;
                response.ContentType = "text/plain";
                await response.WriteAsync($"status {behaviour.Status}");
                break;
            case FailureMode.ServerError:
                response.StatusCode = StatusCodes.Status500InternalServerError;
                response.ContentType = "text/plain";
                await response.WriteAsync("internal error");
                break;
            case FailureMode.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                break;
            case FailureMode.SlowBody:
                await WriteSlowlyAsync(response, context.RequestAborted);
                break;
            case FailureMode.Oversized:
                await WriteOversizedAsync(response, format.ContentType, context.RequestAborted);
                break;
            case FailureMode.ErrorPayload:
                await format.ErrorPayload().ExecuteAsync(context);
                break;
            case FailureMode.NotListed:
                await format.NotListed().ExecuteAsync(context);
                break;
            case FailureMode.InvalidData:
                await format.InvalidData(context, Market).ExecuteAsync(context);
                break;
            default:
                await WriteAbusiveAsync(context, behaviour.Mode);
                break;
        }
    }

    private async Task WriteAbusiveAsync(HttpContext context, FailureMode mode)
    {
        string source = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        void Sent(long bytes) => _abusiveBytes.AddOrUpdate(source, bytes, (_, n) => n + bytes);
        var token = context.RequestAborted;
        try
        {
            await (mode switch
            {
                FailureMode.NeverEndingBody => AbusiveBodies.EndlessAsync(context.Response, Sent, token),
                FailureMode.GigabyteBody => AbusiveBodies.GigabyteAsync(context.Response, Sent, token),
                FailureMode.DeepNesting => AbusiveBodies.DeepAsync(context.Response, Sent, token),
                FailureMode.GzipBomb => AbusiveBodies.GzipBombAsync(context.Response, Sent, token),
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not an abusive body"),
            });
        }
        catch (OperationCanceledException)
        {
            // The client hung up: what it cost is in the bytes counted so far.
        }
        finally
        {
            _abusiveEnded.AddOrUpdate(source, 1, (_, n) => n + 1);
        }
    }

    private static async Task WriteSlowlyAsync(HttpResponse response, CancellationToken token)
    {
        response.ContentType = "application/json";
        await response.StartAsync(token);
        foreach (byte b in "{\"price\":\"1.0\"}"u8.ToArray())
        {
            await response.Body.WriteAsync(new[] { b }, token);
            await response.Body.FlushAsync(token);
            await Task.Delay(TimeSpan.FromSeconds(1), token);
        }
    }

    private static async Task WriteOversizedAsync(HttpResponse response, string contentType, CancellationToken token)
    {
        response.ContentType = contentType;
        byte[] chunk = Encoding.ASCII.GetBytes("[" + string.Concat(Enumerable.Repeat("1234567890,", 6000)));
        await response.Body.WriteAsync(chunk, token);
        byte[] filler = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1234567890,", 6000)));
        for (int written = chunk.Length; written < OversizedBytes; written += filler.Length)
        {
            await response.Body.WriteAsync(filler, token);
        }

        await response.Body.WriteAsync("0]"u8.ToArray(), token);
    }

    private sealed record Behaviour(FailureMode Mode, int? Remaining, TimeSpan RetryAfter, TimeSpan Delay,
        int Status = 500, int FlapEvery = 0);
}
