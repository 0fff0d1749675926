using System.Net;
using System.Net.Http.Json;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>
/// FinBERT and CryptoBERT through the fake Hugging Face API: asked first with HUGGINGFACE_TOKEN, falling back to the
/// next model and finally the lexicon; disabled with the variable named without the token.
/// </summary>
public sealed class HostedModelTests : IAsyncLifetime
{
    private const string Token = "hf_test_token_0123456789";

    private FakeUpstreamServer _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Analyze_WithToken_FinBertAnswersWithBearerToken()
    {
        await using var host = WithToken();

        var answer = await PostAsync(host.Client(), new { text = "Bitcoin market crash deepens" });

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("finbert", answer.Meta.GetProperty("source").GetString());
        Assert.Equal("finbert", answer.Data.GetProperty("model").GetString());
        Assert.Equal("bearish", answer.Data.GetProperty("label").GetString());
        Assert.Equal(-0.87, answer.Data.GetProperty("score").GetDouble(), 4);
        Assert.Equal($"Bearer {Token}", _upstream.LastHeaders("finbert")["Authorization"]);
        Assert.DoesNotContain(Token, host.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_ModelCryptoBert_AskedFirst()
    {
        await using var host = WithToken();

        var answer = await PostAsync(host.Client(), new { text = "to the moon", model = "cryptobert" });

        Assert.Equal("cryptobert", answer.Meta.GetProperty("source").GetString());
        Assert.Equal("bullish", answer.Data.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Analyze_HostedModelsFail_FallsBackAndSaysWhichAnswered()
    {
        await using var host = WithToken();
        var client = host.Client();
        _upstream.Fail("finbert", FailureMode.ErrorPayload);

        var second = await PostAsync(client, new { text = "prices rise" });
        _upstream.Fail("cryptobert", FailureMode.ServerError);
        var last = await PostAsync(client, new { text = "prices rise" });

        Assert.Equal("cryptobert", second.Meta.GetProperty("source").GetString());
        Assert.Equal("lexicon", last.Meta.GetProperty("source").GetString());
        // FinBERT, DEGRADED by its failure, now goes after the healthy models, and the lexicon answers first.
        Assert.Equal(["cryptobert", "lexicon"], last.Meta.GetProperty("attempts").EnumerateArray()
            .Select(a => a.GetProperty("source").GetString()));
        Assert.Contains("currently loading", second.Meta.GetProperty("attempts")[0].GetProperty("reason").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_WithoutToken_HostedDisabledWithReasonLexiconAnswers()
    {
        await using var host = new CoinSourceHost(_upstream, only: ["finbert", "cryptobert"]);
        var client = host.Client();

        var models = await Answer.GetAsync(client, "/api/models");
        var status = await Answer.GetAsync(client, "/api/status");
        var answer = await PostAsync(client, new { text = "prices rise" });

        var finbert = models.Json.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "finbert");
        Assert.Equal("hosted", finbert.GetProperty("kind").GetString());
        Assert.Equal("DISABLED", finbert.GetProperty("status").GetString());
        Assert.Contains("HUGGINGFACE_TOKEN", finbert.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, status.Json.GetProperty("models").GetProperty("active").GetInt32());
        Assert.Equal(3, status.Json.GetProperty("models").GetProperty("total").GetInt32());
        Assert.Equal("lexicon", answer.Meta.GetProperty("source").GetString());
        Assert.Equal(0, _upstream.Calls("finbert"));
        Assert.Contains("huggingface", host.LogText(), StringComparison.Ordinal);
    }

    private CoinSourceHost WithToken() =>
        new(_upstream, new Dictionary<string, string?> { ["HUGGINGFACE_TOKEN"] = Token }, only: ["finbert", "cryptobert"]);

    private static async Task<Answer> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/sentiment/analyze", UriKind.Relative), body,
            TestContext.Current.CancellationToken);
        return new Answer(response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
