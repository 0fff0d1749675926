using CoinSource.FakeUpstreams;
using CoinSource.Hosting;
using CoinSource.Proof;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Proof;

/// <summary>
/// Hostile values in every parameter of every endpoint, hostile bodies to every endpoint that takes one: each
/// answer is a 4xx problem+json with a detail (or a 200 where the value happens to be valid), never a 5xx, and
/// a well-behaved client is served throughout.
/// </summary>
public sealed class BadInputSweepTests : IAsyncLifetime
{
    /// <summary>Generated cases after the fixed ones: enough to mix parameters, few enough for a busy machine.</summary>
    private const int GeneratedCases = 150;

    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();

        // One client address sends thousands of requests: the per-client budget would answer most with 429.
        _host = new CoinSourceHost(_upstream, new Dictionary<string, string?> { ["RATE_LIMIT_PER_MINUTE"] = "0" });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task EveryEndpoint_HostileInput_4xxProblemNever5xx_OtherClientServed()
    {
        var client = _host.Client();
        client.Timeout = TimeSpan.FromMinutes(2);
        var routes = await SweptRoutes.OfAsync(_host.Services, client);

        var result = await new BadInputSweep(client, KestrelLimits.MaxRequestBodyBytes)
            .RunAsync(routes, GeneratedCases, seed: null, TestContext.Current.CancellationToken);

        Assert.True(result.Violations.Count == 0, $"{result.Violations.Count} of {result.Requests} answers break "
            + "the contract:\n"
            + string.Join('\n', result.Violations.Take(60).Select(v => $"{v}: {v.Violation} {v.Excerpt}")));
        Assert.True(result.ClientErrors > result.Requests / 2, $"only {result.ClientErrors} of {result.Requests} "
            + "answers were 4xx: the hostile values did not reach the validation");
        Assert.Empty(result.OtherClient.Failures);
        Assert.True(result.OtherClient.Ok > 0, "the other client got no answer during the sweep");
    }

    [Fact]
    public async Task Sweep_CoversEveryMappedEndpoint_AndTheAdministrativeOnes()
    {
        var client = _host.Client();
        var routes = await SweptRoutes.OfAsync(_host.Services, client);

        foreach (var (method, endpoint) in SweptRoutes.Mapped(_host.Services))
        {
            string template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            Assert.Contains(routes, r => r.Method == method && r.Template == template);
        }

        Assert.Contains(routes, r => r.Template == "/api/source-health/reset/{name}" && r.PathParameters.Contains("name"));
        Assert.Contains(routes, r => r.Template == "/api/config/reload" && r.IsAdministrative);
        Assert.Contains(routes, r => r.Template == "/api/candles/{symbol}" && r.QueryParameters.Contains("limit"));
        Assert.Contains(routes, r => r.Template == "/api/sentiment/analyze" && r.TakesBody);
    }
}
