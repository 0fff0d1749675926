using System.Net;
using System.Net.Http.Json;
using System.Text;
using CoinSource.FakeUpstreams;
using CoinSource.Sentiment;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>POST /api/sentiment/analyze, GET /api/models and the model counts of /api/status, through HTTP.</summary>
public sealed class SentimentAnalyzeTests : IAsyncLifetime
{
    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _host = new CoinSourceHost(_upstream, only: []);
        _client = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("Bitcoin soars to an all-time high on massive ETF inflows", "bullish")]
    [InlineData("Exchange hacked; token plunges after rug pull", "bearish")]
    [InlineData("The committee meets on Tuesday", "neutral")]
    public async Task Analyze_Text_LabelScoreAndTheModelThatAnswered(string text, string label)
    {
        var answer = await PostAsync(new { text });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(label, answer.Data.GetProperty("label").GetString());
        Assert.InRange(answer.Data.GetProperty("score").GetDouble(), -1, 1);
        Assert.Equal("lexicon", answer.Data.GetProperty("model").GetString());
        Assert.Equal("lexicon", answer.Meta.GetProperty("source").GetString());
        Assert.Equal("success", Assert.Single(answer.Meta.GetProperty("attempts").EnumerateArray())
            .GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Analyze_ModelNamed_AskedFirst()
    {
        var answer = await PostAsync(new { text = "prices rise", model = "LEXICON" });

        Assert.Equal("lexicon", answer.Meta.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("", null, "text")]
    [InlineData("   ", null, "text")]
    [InlineData(null, null, "text")]
    [InlineData("fine text", "gpt-9", "model")]
    public async Task Analyze_BadBody_400NamingTheField(string? text, string? model, string parameter)
    {
        var answer = await PostAsync(new { text, model });

        answer.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(parameter, answer.Json.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Analyze_OversizedText_400NamingText()
    {
        var answer = await PostAsync(new { text = new string('a', SentimentService.MaxTextLength + 1) });

        string detail = answer.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal("text", answer.Json.GetProperty("parameter").GetString());
        Assert.Contains($"{SentimentService.MaxTextLength}", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_BodyNotJson_400Problem()
    {
        using var content = new StringContent("{\"text\": ", Encoding.UTF8, "application/json");
        var response = await _client.PostAsync(new Uri("/api/sentiment/analyze", UriKind.Relative), content,
            TestContext.Current.CancellationToken);
        var answer = new Answer(response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        answer.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Models_Listed_WithKindStateAndCalls()
    {
        await PostAsync(new { text = "prices rise" });
        await PostAsync(new { text = "prices fall" });

        var answer = await Answer.GetAsync(_client, "/api/models");

        var lexicon = Assert.Single(answer.Json.EnumerateArray(), m => m.GetProperty("name").GetString() == "lexicon");
        Assert.Equal("in-process", lexicon.GetProperty("kind").GetString());
        Assert.True(lexicon.GetProperty("enabled").GetBoolean());
        Assert.Equal("HEALTHY", lexicon.GetProperty("status").GetString());
        Assert.Equal(2, lexicon.GetProperty("health").GetProperty("successes").GetInt64());
        Assert.Equal(0, lexicon.GetProperty("health").GetProperty("failures").GetInt64());
    }

    [Fact]
    public async Task Status_CountsActiveAndTotalModels()
    {
        var answer = await Answer.GetAsync(_client, "/api/status");

        var models = answer.Json.GetProperty("models");
        Assert.True(models.GetProperty("total").GetInt32() >= 1);
        Assert.True(models.GetProperty("active").GetInt32() >= 1);
    }

    [Fact]
    public async Task SourceHealth_ListsTheLexiconWithTheSentimentCapability()
    {
        var answer = await Answer.GetAsync(_client, "/api/source-health/status/lexicon");

        Assert.Equal(["sentiment"], answer.Json.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
    }

    private async Task<Answer> PostAsync(object body)
    {
        var response = await _client.PostAsJsonAsync(new Uri("/api/sentiment/analyze", UriKind.Relative), body,
            TestContext.Current.CancellationToken);
        return new Answer(response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
