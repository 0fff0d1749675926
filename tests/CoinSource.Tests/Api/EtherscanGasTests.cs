using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>The etherscan feature through HTTP: with ETHERSCAN_API_KEY it serves gas first; without, it is disabled.</summary>
public sealed class EtherscanGasTests : IAsyncLifetime
{
    private const string Key = "test-etherscan-key-0123456789";
    private const string Node = "rpc-eth-publicnode";

    private FakeUpstreamServer _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Gas_WithKey_EtherscanServesAndTheKeyNeverShows()
    {
        await using var host = new CoinSourceHost(_upstream, new Dictionary<string, string?> { ["ETHERSCAN_API_KEY"] = Key },
            only: ["etherscan", Node]);
        var client = host.Client();

        var answer = await Answer.GetAsync(client, "/api/gas?chain=ethereum");
        var features = await Answer.GetAsync(client, "/api/config/features/etherscan");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("etherscan", answer.Meta.GetProperty("source").GetString());
        Assert.Equal((10m, 11m, 55m), (answer.Data.GetProperty("slow").GetDecimal(),
            answer.Data.GetProperty("standard").GetDecimal(), answer.Data.GetProperty("fast").GetDecimal()));
        Assert.DoesNotContain(Key, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, features.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, host.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gas_EtherscanFails_PublicNodeServes()
    {
        await using var host = new CoinSourceHost(_upstream, new Dictionary<string, string?> { ["ETHERSCAN_API_KEY"] = Key },
            only: ["etherscan", Node]);
        _upstream.Fail("etherscan", FailureMode.ErrorPayload);

        var answer = await Answer.GetAsync(host.Client(), "/api/gas");

        Assert.Equal(Node, answer.Meta.GetProperty("source").GetString());
        var first = answer.Meta.GetProperty("attempts")[0];
        Assert.Equal("etherscan", first.GetProperty("source").GetString());
        Assert.StartsWith("Etherscan NOTOK", first.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gas_WithoutKey_EtherscanDisabledWithReasonAndNodeServes()
    {
        await using var host = new CoinSourceHost(_upstream, only: ["etherscan", Node]);
        var client = host.Client();

        var answer = await Answer.GetAsync(client, "/api/gas");
        var health = await Answer.GetAsync(client, "/api/source-health/status/etherscan");

        Assert.Equal(Node, answer.Meta.GetProperty("source").GetString());
        Assert.Equal(0, _upstream.Calls("etherscan"));
        Assert.False(health.Json.GetProperty("enabled").GetBoolean());
        Assert.Contains("ETHERSCAN_API_KEY", health.Json.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
    }
}
