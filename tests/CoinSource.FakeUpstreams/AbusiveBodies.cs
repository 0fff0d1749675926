using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CoinSource.FakeUpstreams;

/// <summary>
/// Bodies meant to exhaust a client: endless, huge, deeply nested, or a compression bomb. Each is streamed from a
/// small buffer, so the fake itself never holds more than a few megabytes, and each reports every byte it puts on
/// the wire, so a test can see that the client hung up early instead of reading everything.
/// </summary>
internal static class AbusiveBodies
{
    /// <summary>Size of the huge body: 1 GiB.</summary>
    public const long GigabyteBytes = 1L << 30;

    /// <summary>Nesting depth of the deep body.</summary>
    public const int Depth = 10_000;

    /// <summary>What the bomb inflates to: 64 GiB of JSON whitespace, from about 64 MiB on the wire.</summary>
    public const long BombInflatedBytes = 64L << 30;

    private const int BombMemberBytes = 64 * 1024 * 1024;

    private static readonly byte[] Filler = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1234567890,", 6000)));

    // One gzip member inflating to 64 MiB of spaces; members may follow each other in one gzip stream, so the bomb
    // is this member repeated, computed once and only when a test asks for a bomb.
    private static readonly Lazy<byte[]> BombMember = new(CompressSpaces);

    public static async Task EndlessAsync(HttpResponse response, Action<long> sent, CancellationToken token)
    {
        response.ContentType = "application/json";
        await WriteAsync(response, "["u8.ToArray(), sent, token);
        while (!token.IsCancellationRequested)
        {
            await WriteAsync(response, Filler, sent, token);
        }
    }

    public static async Task GigabyteAsync(HttpResponse response, Action<long> sent, CancellationToken token)
    {
        response.ContentType = "application/json";
        await WriteAsync(response, "["u8.ToArray(), sent, token);
        for (long written = 1; written < GigabyteBytes - 2; written += Filler.Length)
        {
            await WriteAsync(response, Filler, sent, token);
        }

        await WriteAsync(response, "0]"u8.ToArray(), sent, token);
    }

    public static async Task DeepAsync(HttpResponse response, Action<long> sent, CancellationToken token)
    {
        response.ContentType = "application/json";
        byte[] body = Encoding.ASCII.GetBytes(new string('[', Depth) + new string(']', Depth));
        await WriteAsync(response, body, sent, token);
    }

    public static async Task GzipBombAsync(HttpResponse response, Action<long> sent, CancellationToken token)
    {
        response.ContentType = "application/json";
        response.Headers.ContentEncoding = "gzip";
        byte[] member = BombMember.Value;
        for (long inflated = 0; inflated < BombInflatedBytes; inflated += BombMemberBytes)
        {
            await WriteAsync(response, member, sent, token);
        }
    }

    private static async Task WriteAsync(HttpResponse response, byte[] bytes, Action<long> sent,
        CancellationToken token)
    {
        // Written through the pipe, whose flush says when the connection is gone: a write to a closed connection
        // otherwise completes at once and without error, and the loop would spin through its gigabytes unsent.
        var flushed = await response.BodyWriter.WriteAsync(bytes, token);
        if (flushed.IsCompleted || flushed.IsCanceled || token.IsCancellationRequested)
        {
            throw new OperationCanceledException("the client hung up", token);
        }

        sent(bytes.Length);
    }

    private static byte[] CompressSpaces()
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            byte[] spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (int i = 0; i < BombMemberBytes / spaces.Length; i++)
            {
                gzip.Write(spaces);
            }
        }

        return output.ToArray();
    }
}
