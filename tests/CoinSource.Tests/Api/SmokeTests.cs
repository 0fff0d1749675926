using System.Net;
using System.Text.Json;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

public sealed class SmokeTests
{
    [Fact]
    public async Task Quote_FromFakeUpstream_ServedWithMeta()
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        // A generous upstream timeout: on a loaded machine the default 1 s can fail over to a later source.
        await using var host = new CoinSourceHost(upstream, new Dictionary<string, string?>
        {
            ["UPSTREAM_TIMEOUT_MS"] = "30000",
        });
        var client = host.Client();

        var response = await client.GetAsync(new Uri("/api/quotes/BTC", UriKind.Relative), TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("127.0.0.1", client.BaseAddress!.AbsoluteUri, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(50000m, json.RootElement.GetProperty("data").GetProperty("price").GetDecimal());
        Assert.Equal("coingecko", json.RootElement.GetProperty("meta").GetProperty("source").GetString());
    }
}
