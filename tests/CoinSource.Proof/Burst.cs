using System.Net;
using System.Net.Sockets;

namespace CoinSource.Proof;

/// <summary>
/// Many requests at once from one client address, far past the per-client rate limit. The address is another
/// loopback address than the well-behaved client's (127.0.0.2), so the server sees two clients.
/// </summary>
public static class Burst
{
    public static readonly IPAddress AbuserAddress = IPAddress.Parse("127.0.0.2");

    /// <summary>Sends <paramref name="requests"/> GETs of <paramref name="path"/> at once; returns the statuses.</summary>
    public static async Task<IReadOnlyList<int>> RunAsync(Uri server, string path, int requests,
        CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = 64,
            ConnectCallback = ConnectFromAbuserAsync,
        })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var sends = Enumerable.Range(0, requests).Select(async _ =>
        {
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                return (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return 0;
            }
        });
        return await Task.WhenAll(sends);
    }

    private static async ValueTask<Stream> ConnectFromAbuserAsync(SocketsHttpConnectionContext context,
        CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(AbuserAddress, 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
