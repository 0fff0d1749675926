using System.Net;
using System.Net.Http.Headers;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>Secrets never leave the process; admin calls, the rate limit and browser headers, through HTTP.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Secrets = new()
    {
        ["COINGECKO_PRO_API_KEY"] = "SECRET-cgpro-7781",
        ["COINGECKO_DEMO_API_KEY"] = "SECRET-demo-4410",
        ["CRYPTOCOMPARE_API_KEY"] = "SECRET-cc-9902",
        ["ADMIN_TOKEN"] = "SECRET-admin-5531",
    };

    private FakeUpstreamServer _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Secrets_NeverInAnyAnswerOrLogLine()
    {
        await using var host = new CoinSourceHost(_upstream, Secrets);
        var client = host.Client();
        List<Answer> answers = [];

        foreach (string path in await DocumentedGetPathsAsync(client))
        {
            answers.Add(await Answer.GetAsync(client, path));
        }

        string[] more =
        [
            "/api/quotes/BTC", "/api/quotes/BTC?source=cryptocompare", "/api/quotes/BTC?source=coingecko",
            "/api/quotes/BTC?source=nosuch", "/api/quotes/%%", "/api/candles/BTC?interval=9y", "/no/such/route",
            "/api/config/features/nosuch", "/metrics", "/openapi/v1.json", "/docs/index.html",
        ];
        foreach (string path in more)
        {
            answers.Add(await Answer.GetAsync(client, path));
        }

        _upstream.Fail("coingecko-pro", FailureMode.ErrorPayload);
        _upstream.Fail("coingecko", FailureMode.ServerError);
        answers.Add(await Answer.GetAsync(client, "/api/quotes/ETH?source=coingecko-pro"));
        answers.Add(await Answer.GetAsync(client, "/api/quotes/ETH"));
        answers.Add(await Answer.SendAsync(client, HttpMethod.Post, "/api/config/reload"));
        answers.Add(await Answer.SendAsync(client, HttpMethod.Post, "/api/source-health/reset-all"));
        answers.Add(await Answer.SendAsync(client, HttpMethod.Delete, "/api/config/features"));

        Assert.Equal("SECRET-cgpro-7781", _upstream.LastHeaders("coingecko-pro")["x-cg-pro-api-key"]);
        Assert.Equal("Apikey SECRET-cc-9902", _upstream.LastHeaders("cryptocompare")["authorization"]);
        string everything = string.Join('\n', answers.Select(a => $"{a.Response.Headers}\n{a.Text}"))
                            + host.LogText();
        Assert.All(Secrets.Values, secret => Assert.DoesNotContain(secret!, everything, StringComparison.Ordinal));
        Assert.Contains("configured", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_FromLoopback_Allowed()
    {
        await using var host = new CoinSourceHost(_upstream);

        var answer = await Answer.SendAsync(host.Client(), HttpMethod.Post, "/api/source-health/reset-all");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task Admin_LoopbackNotTrustedAndNoToken_403()
    {
        await using var host = new CoinSourceHost(_upstream, new Dictionary<string, string?> { ["ADMIN_ALLOW_LOOPBACK"] = "false" });

        var answer = await Answer.SendAsync(host.Client(), HttpMethod.Post, "/api/config/reload");

        Assert.Contains("ADMIN_TOKEN", answer.AssertProblem(HttpStatusCode.Forbidden), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_TokenConfigured_NoHeader401_WrongToken403_RightToken200()
    {
        await using var host = new CoinSourceHost(_upstream, new Dictionary<string, string?>
        {
            ["ADMIN_ALLOW_LOOPBACK"] = "false",
            ["ADMIN_TOKEN"] = "right-token",
        });
        var client = host.Client();

        var none = await Answer.SendAsync(client, HttpMethod.Post, "/api/source-health/reset-all");
        var wrong = await SendWithTokenAsync(client, "wrong-token");
        var right = await SendWithTokenAsync(client, "right-token");

        none.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", none.Response.Headers.WwwAuthenticate.ToString());
        wrong.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, right.Status);
    }

    [Fact]
    public async Task RateLimit_OverBudget_429ProblemWithRetryAfter_ProbesExempt()
    {
        await using var host = new CoinSourceHost(_upstream, new Dictionary<string, string?> { ["RATE_LIMIT_PER_MINUTE"] = "5" });
        var client = host.Client();

        var answers = new List<Answer>();
        for (int i = 0; i < 6; i++)
        {
            answers.Add(await Answer.GetAsync(client, "/api/status"));
        }

        var probe = await Answer.GetAsync(client, "/health/live");

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        answers[5].AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.True(answers[5].Response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, probe.Status);
    }

    [Fact]
    public async Task Headers_SecurityPoliciesOnEveryAnswer()
    {
        await using var host = new CoinSourceHost(_upstream);

        var answer = await Answer.GetAsync(host.Client(), "/api/status");
        var problem = await Answer.GetAsync(host.Client(), "/nothing");

        foreach (var headers in new[] { answer.Response.Headers, problem.Response.Headers })
        {
            Assert.Equal("nosniff", Header(headers, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(headers, "Referrer-Policy"));
            Assert.Contains("default-src 'self'", Header(headers, "Content-Security-Policy"), StringComparison.Ordinal);
            Assert.Equal("camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)",
                Header(headers, "Permissions-Policy"));
        }
    }

    [Fact]
    public async Task Cors_DefaultSameOriginOnly_ConfiguredOriginAllowed()
    {
        await using var closed = new CoinSourceHost(_upstream);
        await using var open = new CoinSourceHost(_upstream,
            new Dictionary<string, string?> { ["CORS_ORIGINS"] = "https://dash.example.com" });

        var denied = await GetWithOriginAsync(closed.Client(), "https://dash.example.com");
        var allowed = await GetWithOriginAsync(open.Client(), "https://dash.example.com");
        var other = await GetWithOriginAsync(open.Client(), "https://evil.example.com");

        Assert.False(denied.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://dash.example.com", Header(allowed.Headers, "Access-Control-Allow-Origin"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<IEnumerable<string>> DocumentedGetPathsAsync(HttpClient client)
    {
        var document = await Answer.GetAsync(client, "/openapi/v1.json");
        return document.Json.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out var get)
                // A live event stream never ends; its events are decisions, which the log check covers.
                && !get.ToString().Contains("text/event-stream", StringComparison.Ordinal))
            .Select(p => p.Name.Replace("{symbol}", "BTC", StringComparison.Ordinal)
                .Replace("{name}", "coingecko-pro", StringComparison.Ordinal))
            .Select(p => p == "/api/quotes" ? "/api/quotes?symbols=BTC,ETH" : p);
    }

    private static async Task<Answer> SendWithTokenAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/source-health/reset-all");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return new Answer(response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<HttpResponseMessage> GetWithOriginAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
