using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoinSource.Tests.TestSupport;

/// <summary>
/// A small HTTP load balancer on 127.0.0.1: GET requests go round robin to the backends. When a backend refuses or
/// resets the connection before any response header arrived, the request goes to the next backend, as real
/// balancers do with idempotent requests; once headers arrived, a broken body is the client's 502.
/// Every attempt is recorded with its backend and its start and end, so a test can tell which requests were in
/// flight on a backend at a given moment.
/// </summary>
public sealed class LoopbackBalancer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward;
    private readonly Uri[] _backends;
    private readonly ConcurrentBag<BackendAttempt> _attempts = [];
    private int _next = -1;

    private LoopbackBalancer(WebApplication app, Uri[] backends)
    {
        _app = app;
        _backends = backends;
        _forward = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        { Timeout = TimeSpan.FromSeconds(60) };
        app.Run(ForwardAsync);
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>Every attempt so far, finished or not.</summary>
    public IReadOnlyCollection<BackendAttempt> Attempts => _attempts;

    public static async Task<LoopbackBalancer> StartAsync(params Uri[] backends)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var balancer = new LoopbackBalancer(builder.Build(), backends);
        await balancer._app.StartAsync();
        string address = balancer._app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.Single();
        balancer.Address = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return balancer;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        string id = context.Request.Headers["X-Request-Id"].ToString();
        int first = (int)((uint)Interlocked.Increment(ref _next) % (uint)_backends.Length);
        for (int i = 0; i < _backends.Length; i++)
        {
            int backend = (first + i) % _backends.Length;
            var attempt = new BackendAttempt(id, backend, Stopwatch.GetTimestamp());
            _attempts.Add(attempt);
            HttpResponseMessage response;
            try
            {
                var target = new Uri(_backends[backend], context.Request.Path + context.Request.QueryString);
                response = await _forward.GetAsync(target, HttpCompletionOption.ResponseHeadersRead,
                    context.RequestAborted);
            }
            catch (HttpRequestException)
            {
                // Refused or reset before any answer: nothing reached the client, the next backend may serve it.
                attempt.End(retried: true);
                continue;
            }

            using (response)
            {
                try
                {
                    byte[] body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
                    context.Response.StatusCode = (int)response.StatusCode;
                    context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
                    await context.Response.Body.WriteAsync(body, context.RequestAborted);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    context.Response.StatusCode = StatusCodes.Status502BadGateway;
                }
                finally
                {
                    attempt.End(retried: false);
                }
            }

            return;
        }

        context.Response.StatusCode = StatusCodes.Status502BadGateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _forward.Dispose();
    }
}

/// <summary>One try of one request at one backend.</summary>
public sealed class BackendAttempt(string requestId, int backend, long started)
{
    private long _ended = long.MaxValue;

    public string RequestId => requestId;

    public int Backend => backend;

    public long Started => started;

    /// <summary>When the attempt ended, as a <see cref="Stopwatch"/> timestamp; long.MaxValue while running.</summary>
    public long Ended => Interlocked.Read(ref _ended);

    public bool Retried { get; private set; }

    public void End(bool retried)
    {
        Retried = retried;
        Interlocked.Exchange(ref _ended, Stopwatch.GetTimestamp());
    }

    /// <summary>Whether the attempt ran at some moment from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool RanDuring(long from, long to) => Started <= to && Ended >= from;
}
