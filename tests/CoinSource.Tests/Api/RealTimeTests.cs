using System.Globalization;
using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>
/// Behaviour that depends on real sockets and real time-outs: a hanging upstream, a caller hanging up, many
/// callers at once. Each test starts the server with the attempt timeout it needs.
/// </summary>
public sealed class RealTimeTests : IAsyncLifetime
{
    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    /// <summary>Starts the server with an attempt timeout; only the test of timeouts needs a short one.</summary>
    private void Start(int timeoutMs)
    {
        _host = new CoinSourceHost(_upstream,
            new Dictionary<string, string?> { ["UPSTREAM_TIMEOUT_MS"] = timeoutMs.ToString(CultureInfo.InvariantCulture) },
            only: ["coingecko", "kraken"]);
        _client = _host.Client();
    }

    [Fact]
    public async Task Quote_FirstSourceHangs_AnsweredByNextAfterTheTimeout()
    {
        Start(timeoutMs: 1000);
        _upstream.Fail("coingecko", FailureMode.Hang);

        var answer = await Answer.GetAsync(_client, "/api/quotes/BTC");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("kraken", answer.Meta.GetProperty("source").GetString());
        var first = answer.Meta.GetProperty("attempts")[0];
        Assert.Equal("no complete answer within 1000 ms", first.GetProperty("reason").GetString());
        Assert.InRange(first.GetProperty("ms").GetDouble(), 990, 5000);
    }

    [Fact]
    public async Task Quote_CallerHangsUp_UpstreamCallCancelledAndNotCountedAgainstSource()
    {
        Start(timeoutMs: 60_000);
        _upstream.Fail("coingecko", FailureMode.Hang);
        using var caller = new CancellationTokenSource();
        using var client = _host.Client();
        client.Timeout = Timeout.InfiniteTimeSpan;

        var call = client.GetAsync(new Uri("/api/quotes/ETH", UriKind.Relative), caller.Token);
        await Eventually.TrueAsync(() => _upstream.Calls("coingecko") == 1, "the upstream received the call");
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        await Eventually.TrueAsync(() => _upstream.Aborted("coingecko") == 1, "the upstream saw the call aborted");
        var health = await Answer.GetAsync(_client, "/api/source-health/status/coingecko");
        Assert.Equal(0, health.Json.GetProperty("health").GetProperty("failures").GetInt32());
    }

    [Fact]
    public async Task Quote_ManyConcurrentIdenticalRequests_OneUpstreamCall()
    {
        Start(timeoutMs: 60_000);
        _upstream.Delay("coingecko", TimeSpan.FromMilliseconds(200));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Answer.GetAsync(_client, "/api/quotes/SOL")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(1, _upstream.Calls("coingecko"));
        Assert.Equal(0, _upstream.Calls("kraken"));
    }
}
