using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoinSource.Proof;

/// <summary>
/// A client that holds a connection open by sending its request a byte at a time: headers that never finish
/// (Slowloris), or a body far slower than any real client. It runs until the server ends the connection.
/// </summary>
public static class SlowConnection
{
    /// <summary>
    /// Opens <paramref name="count"/> slow connections at once, half with slow headers and half with slow bodies,
    /// each sending a byte a second; returns how each ended.
    /// </summary>
    public static Task<SlowOutcome[]> OpenManyAsync(Uri server, int count, TimeSpan giveUp,
        CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => i % 2 == 0
            ? TrickleHeadersAsync(server, TimeSpan.FromSeconds(1), giveUp, cancellationToken)
            : TrickleBodyAsync(server, TimeSpan.FromSeconds(1), giveUp, cancellationToken)));

    /// <summary>Sends a request line, then one more header byte every <paramref name="pause"/>.</summary>
    public static Task<SlowOutcome> TrickleHeadersAsync(Uri server, TimeSpan pause, TimeSpan giveUp,
        CancellationToken cancellationToken) =>
        RunAsync(server, $"GET /api/status HTTP/1.1\r\nHost: {server.Authority}\r\nX-Slow: ", pause, giveUp,
            cancellationToken);

    /// <summary>Sends complete headers announcing a 10,000-byte body, then the body one byte per pause.</summary>
    public static Task<SlowOutcome> TrickleBodyAsync(Uri server, TimeSpan pause, TimeSpan giveUp,
        CancellationToken cancellationToken) =>
        RunAsync(server, $"POST /api/sentiment/analyze HTTP/1.1\r\nHost: {server.Authority}\r\n"
            + "Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n{\"text\":\"", pause, giveUp,
            cancellationToken);

    private static async Task<SlowOutcome> RunAsync(Uri server, string opening, TimeSpan pause, TimeSpan giveUp,
        CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Port), cancellationToken);
        var started = Stopwatch.StartNew();
        await socket.SendAsync(Encoding.ASCII.GetBytes(opening), cancellationToken);

        var answer = new byte[4096];
        var reading = socket.ReceiveAsync(answer, cancellationToken).AsTask();
        while (!reading.IsCompleted && started.Elapsed < giveUp)
        {
            await Task.WhenAny(reading, Task.Delay(pause, cancellationToken));
            if (reading.IsCompleted)
            {
                break;
            }

            try
            {
                await socket.SendAsync("a"u8.ToArray(), cancellationToken);
            }
            catch (SocketException)
            {
                // The server closed its side; the read below says how.
                break;
            }
        }

        if (!reading.IsCompleted)
        {
            return new SlowOutcome(false, null, started.Elapsed);
        }

        int read;
        try
        {
            read = await reading;
        }
        catch (SocketException)
        {
            read = 0;
        }

        string? statusLine = read == 0 ? null : Encoding.ASCII.GetString(answer, 0, read).Split("\r\n")[0];
        return new SlowOutcome(true, statusLine, started.Elapsed);
    }
}
