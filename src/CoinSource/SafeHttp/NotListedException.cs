namespace CoinSource.SafeHttp;

/// <summary>
/// Thrown by an adapter's parser when a valid answer says the symbol is not listed (an empty object, an empty
/// result list). The safe client turns it into a <see cref="FailureKind.NotListed"/> failure.
/// </summary>
public sealed class NotListedException : Exception
{
    public NotListedException(string message)
        : base(message)
    {
    }

    public NotListedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public NotListedException()
    {
    }
}
