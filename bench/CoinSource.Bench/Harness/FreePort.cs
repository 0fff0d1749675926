using System.Net;
using System.Net.Sockets;

namespace CoinSource.Bench.Harness;

/// <summary>Finds a TCP port on 127.0.0.1 that nothing listens on, for a server that must be told its port.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
