using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CoinSource.Hosting;

/// <summary>
/// The web server's limits, set on purpose rather than left to defaults, so that a slow, huge or endless request
/// from one client costs the others nothing.
/// </summary>
public static class KestrelLimits
{
    /// <summary>The largest request body: 10,000 posted candles in JSON are about 1.5 MB; nothing needs more.</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>Time for a client to send its request headers; past it the connection is closed.</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(10);

    public static WebApplicationBuilder AddKestrelLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => Apply(kestrel.Limits));
        return builder;
    }

    private static void Apply(KestrelServerLimits limits)
    {
        // Below the 30 MB default: a body beyond what any endpoint reads is refused with 413 before it is buffered.
        limits.MaxRequestBodySize = MaxRequestBodyBytes;

        // A client that trickles its headers (one byte a second) would hold a connection for ever; a real client
        // sends them in one packet. The default is 30 s.
        limits.RequestHeadersTimeout = RequestHeadersTimeout;

        // A body slower than 240 bytes a second, after 5 s of grace, is cut (the response's likewise): these are the
        // defaults, stated here because the protection against slow-body clients depends on them.
        limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(5));
        limits.MinResponseDataRate = new MinDataRate(240, TimeSpan.FromSeconds(5));

        // An idle kept-alive connection is closed after 2 minutes (the default 130 s, rounded).
        limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);

        // Request lines up to 32 KiB (default 8 KiB): a long symbol list or a pasted value then reaches the API and
        // gets a 400 problem naming the parameter, instead of the server's bare 414. Headers get the same room.
        limits.MaxRequestLineSize = 32 * 1024;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;

        // Unlimited by default: bounded, so that a flood of idle connections runs out of this budget before the
        // process runs out of file descriptors.
        limits.MaxConcurrentConnections = 4096;
    }
}
