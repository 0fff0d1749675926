namespace CoinSource.SafeHttp;

/// <summary>
/// Thrown by an adapter's parser when a body is well-formed but its content is not acceptable. The safe client
/// turns it into an <see cref="FailureKind.InvalidData"/> failure, so it never leaves the upstream layer.
/// </summary>
public sealed class InvalidUpstreamDataException : Exception
{
    public InvalidUpstreamDataException(string message)
        : base(message)
    {
    }

    public InvalidUpstreamDataException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public InvalidUpstreamDataException()
    {
    }
}
