using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Proof;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Proof;

/// <summary>
/// Clients that hold connections with slow headers or slow bodies, or burst far past the rate limit, do not stop
/// a well-behaved client from being answered; the server cuts the slow connections itself.
/// </summary>
public sealed class AbusiveClientTests : IAsyncLifetime
{
    private const string NormalPath = "/api/quotes/BTC";

    // Far past the time the server allows (10 s for headers, 5 s of grace for a slow body): the client never
    // gives up first unless the server failed to cut it.
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(90);

    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _host = new CoinSourceHost(_upstream, new Dictionary<string, string?> { ["RATE_LIMIT_PER_MINUTE"] = "60" });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task SlowHeadersAndSlowBodies_CutByServer_OtherClientAnsweredMeanwhile()
    {
        var client = _host.Client();
        var token = TestContext.Current.CancellationToken;
        await using var other = OtherClient.StartNew(client.BaseAddress!, NormalPath, TimeSpan.FromMilliseconds(200));

        var outcomes = await SlowConnection.OpenManyAsync(client.BaseAddress!, 10, GiveUp, token);
        var tally = await other.StopAsync();

        Assert.All(outcomes, o => Assert.True(o.CutByServer, $"a slow connection was still open after {o.Lasted}"));
        Assert.All(outcomes.Where(o => o.StatusLine is not null), o => Assert.Contains("408", o.StatusLine!));
        Assert.Empty(tally.Failures);
        Assert.True(tally.Ok >= 5, $"the other client got only {tally.Ok} answers while the slow clients were on");
    }

    [Fact]
    public async Task BurstFarPastTheRateLimit_AbuserGets429_OtherClientServed()
    {
        var client = _host.Client();
        await using var other = OtherClient.StartNew(client.BaseAddress!, NormalPath, TimeSpan.FromMilliseconds(100));

        var statuses = await Burst.RunAsync(client.BaseAddress!, NormalPath, 600, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => other.Answered >= 5, "the other client has five answers");
        var tally = await other.StopAsync();

        Assert.True(statuses.Count(s => s == (int)HttpStatusCode.TooManyRequests) >= 500,
            $"the burst of 600 got {statuses.Count(s => s == 429)} answers 429");
        Assert.True(statuses.Count(s => s == (int)HttpStatusCode.OK) <= 60, "the burst got more than its budget");
        Assert.Empty(tally.Failures);
    }
}
