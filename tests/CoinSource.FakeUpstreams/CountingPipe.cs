using System.IO.Pipelines;

namespace CoinSource.FakeUpstreams;

/// <summary>
/// A connection's transport with its outgoing bytes counted as they are handed to the socket: what a client was
/// really sent, unlike what the application wrote (a write to a connection the client closed completes silently).
/// </summary>
internal sealed class CountingPipe(IDuplexPipe inner, Action<long> sent) : IDuplexPipe
{
    public PipeReader Input => inner.Input;

    public PipeWriter Output { get; } = new CountingWriter(inner.Output, sent);

    private sealed class CountingWriter(PipeWriter inner, Action<long> sent) : PipeWriter
    {
        public override void Advance(int bytes)
        {
            sent(bytes);
            inner.Advance(bytes);
        }

        // Kestrel asks the transport how much it holds unflushed; the base class would throw instead of answering.
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source,
            CancellationToken cancellationToken = default)
        {
            sent(source.Length);
            return inner.WriteAsync(source, cancellationToken);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
            inner.FlushAsync(cancellationToken);
    }
}
