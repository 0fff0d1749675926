using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.FakeUpstreams.Formats;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>GET /api/gas through the real server against fake JSON-RPC nodes; two serve Ethereum.</summary>
public sealed class GasTests : IAsyncLifetime
{
    private const string First = "rpc-eth-publicnode";
    private const string Second = "rpc-eth-llamarpc";

    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _host = new CoinSourceHost(_upstream, new Dictionary<string, string?> { ["CACHE_GAS_TTL_SECONDS"] = "0" },
            only: [.. FakeJsonRpc.All.Select(f => f.Source)]);
        _client = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("", First)]
    [InlineData("?chain=ethereum", First)]
    [InlineData("?chain=Polygon", "rpc-polygon-publicnode")]
    [InlineData("?chain=bsc", "rpc-bsc-publicnode")]
    public async Task Gas_Chain_TiersInGweiAndSourceNamed(string query, string source)
    {
        var answer = await Answer.GetAsync(_client, $"/api/gas{query}");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(source, answer.Meta.GetProperty("source").GetString());
        Assert.Equal("gwei", answer.Data.GetProperty("unit").GetString());
        Assert.Equal(FakeJsonRpc.BaseFeeGwei + 1, answer.Data.GetProperty("slow").GetDecimal());
        Assert.Equal(FakeJsonRpc.BaseFeeGwei + 2, answer.Data.GetProperty("standard").GetDecimal());
        Assert.Equal(FakeJsonRpc.BaseFeeGwei + 3, answer.Data.GetProperty("fast").GetDecimal());
        Assert.Equal(FakeJsonRpc.BaseFeeGwei, answer.Data.GetProperty("baseFee").GetDecimal());
    }

    [Theory]
    [InlineData("solana")]
    [InlineData("")]
    public async Task Gas_UnknownChain_400NamingChain(string chain)
    {
        var answer = await Answer.GetAsync(_client, $"/api/gas?chain={chain}");

        answer.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal("chain", answer.Json.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Gas_FirstNodeFailsEveryWay_SecondNodeServes()
    {
        FailureMode[] modes =
        [
            FailureMode.PartialContent, FailureMode.NoContent, FailureMode.EmptyBody, FailureMode.Html,
            FailureMode.BrokenJson, FailureMode.ErrorPayload, FailureMode.ServerError, FailureMode.Oversized,
            FailureMode.InvalidData,
        ];
        foreach (var mode in modes)
        {
            _upstream.Fail(First, mode);
            await Answer.SendAsync(_client, HttpMethod.Post, $"/api/source-health/reset/{First}");

            var answer = await Answer.GetAsync(_client, "/api/gas");

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(Second, answer.Meta.GetProperty("source").GetString());
            var attempts = answer.Meta.GetProperty("attempts").EnumerateArray().ToList();
            Assert.Equal("failure", attempts[0].GetProperty("outcome").GetString());
            Assert.False(string.IsNullOrEmpty(attempts[0].GetProperty("reason").GetString()), $"{mode}: no reason");
        }
    }

    [Fact]
    public async Task Gas_EveryNodeOfTheChainFails_503()
    {
        _upstream.Fail("rpc-polygon-publicnode", FailureMode.ServerError);

        var answer = await Answer.GetAsync(_client, "/api/gas?chain=polygon");

        answer.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.True(answer.Response.Headers.RetryAfter is not null);
    }
}
