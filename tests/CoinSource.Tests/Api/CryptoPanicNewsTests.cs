using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.FakeUpstreams.Formats;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>The cryptopanic feature through HTTP: merged into /api/news with CRYPTOPANIC_API_KEY, disabled without.</summary>
public sealed class CryptoPanicNewsTests : IAsyncLifetime
{
    private const string Key = "cryptopanic-test-key-0123456789";

    private FakeUpstreamServer _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task News_WithKey_CryptoPanicStoriesMergedKeyNeverShown()
    {
        await using var host = new CoinSourceHost(_upstream,
            new Dictionary<string, string?> { ["CRYPTOPANIC_API_KEY"] = Key }, only: ["cryptopanic", "news-decrypt"]);

        var answer = await Answer.GetAsync(host.Client(), "/api/news");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var story = answer.Data.EnumerateArray().Single(s => s.GetProperty("source").GetString() == "cryptopanic");
        Assert.Equal(FakeCryptoPanic.Title, story.GetProperty("title").GetString());
        Assert.Equal("Example News", story.GetProperty("publisher").GetString());
        Assert.Equal("bullish", story.GetProperty("sentiment").GetProperty("label").GetString());
        Assert.DoesNotContain(Key, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, host.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task News_WithoutKey_CryptoPanicNeverCalled()
    {
        await using var host = new CoinSourceHost(_upstream, only: ["cryptopanic", "news-decrypt"]);

        var answer = await Answer.GetAsync(host.Client(), "/api/news");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(0, _upstream.Calls("cryptopanic"));
        Assert.All(answer.Data.EnumerateArray(), s => Assert.Equal("news-decrypt", s.GetProperty("source").GetString()));
    }
}
