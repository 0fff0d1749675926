using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Proof;

/// <summary>
/// Upstream bodies made to exhaust a client: each is rejected with its reason in the health API, and the safe
/// client hangs up early instead of reading (or inflating) it all.
/// </summary>
public sealed class AbusiveUpstreamTests : IAsyncLifetime
{
    private const string Source = "binance";

    /// <summary>
    /// Bytes the fake may put on the wire before the client's hang-up reaches it: the 4 MiB cap plus what the
    /// sockets buffer on loopback. Far below the 1 GiB and endless bodies; below the bomb's compressed size.
    /// </summary>
    private const long EarlyHangUpBytes = 48L * 1024 * 1024;

    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _host = new CoinSourceHost(_upstream, only: [Source]);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData(FailureMode.NeverEndingBody, "byte cap")]
    [InlineData(FailureMode.GigabyteBody, "byte cap")]
    [InlineData(FailureMode.GzipBomb, "byte cap")]
    [InlineData(FailureMode.DeepNesting, "depth")]
    public async Task AbusiveBody_RejectedWithReasonInHealthApi_ClientHangsUpEarly(FailureMode mode, string reason)
    {
        var client = _host.Client();
        _upstream.Fail(Source, mode);
        long before = _upstream.BytesOnTheWire;

        var answer = await Answer.GetAsync(client, $"/api/quotes/BTC-USDT?source={Source}");
        using var health = await client.GetOkAsync($"/api/source-health/status/{Source}");

        answer.AssertProblem(System.Net.HttpStatusCode.ServiceUnavailable);
        string? lastFailure = health.RootElement.GetProperty("health").GetProperty("lastFailureReason").GetString();
        Assert.Contains(reason, lastFailure, StringComparison.Ordinal);
        Assert.Equal(1, _upstream.Calls(Source));
        await Eventually.TrueAsync(() => _upstream.AbusiveBodiesEnded(Source) == 1,
            "the fake finished its body or saw the client hang up");
        Assert.True(_upstream.AbusiveBytesWritten(Source) > 0, "the fake sent no abusive body");
        Assert.InRange(_upstream.BytesOnTheWire - before, 1, EarlyHangUpBytes);
    }
}
