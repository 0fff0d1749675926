namespace CoinSource.Bench.Harness;

/// <summary>
/// The bench could not measure at all: a tool is missing, a server did not start, an answer that every figure
/// depends on was wrong. Only this makes the program exit non-zero; a missed aim never does.
/// </summary>
public sealed class BenchSetupException : Exception
{
    public BenchSetupException()
    {
    }

    public BenchSetupException(string message)
        : base(message)
    {
    }

    public BenchSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
