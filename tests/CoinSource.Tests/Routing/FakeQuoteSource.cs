using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using CoinSource.Symbols;

namespace CoinSource.Tests.Routing;

/// <summary>An in-process quote source that answers what a test tells it to, and counts its calls.</summary>
public sealed class FakeQuoteSource(string name, Func<UpstreamResult<Quote>> answer) : IQuoteSource
{
    private int _calls;

    public string Name => name;

    public Uri DefaultBaseUrl { get; } = new("http://127.0.0.1:9/");

    public int Calls => _calls;

    public static FakeQuoteSource Answering(string name, decimal price) =>
        new(name, () => UpstreamResult<Quote>.Success(new Quote
        {
            Symbol = "BTC", QuoteCurrency = "USD", Price = price, Timestamp = DateTimeOffset.UnixEpoch,
        }));

    public static FakeQuoteSource Failing(string name, FailureKind kind = FailureKind.BadStatus,
        DateTimeOffset? retryAfter = null) =>
        new(name, () => UpstreamResult<Quote>.Fail(new UpstreamFailure(kind, $"{name} says no", retryAfter)));

    public bool Supports(AssetPair pair) => true;

    public Task<UpstreamResult<Quote>> GetQuoteAsync(AssetPair pair, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(answer());
    }
}
