using System.Net;
using System.Text;
using System.Text.Json;

namespace CoinSource.Tests.TestSupport;

/// <summary>Reads an HTTP answer as JSON, keeping status, headers and the raw text for assertions.</summary>
public sealed class Answer(HttpResponseMessage response, string text)
{
    public HttpStatusCode Status => response.StatusCode;

    public string Text => text;

    public string? ContentType => response.Content.Headers.ContentType?.MediaType;

    public HttpResponseMessage Response => response;

    public JsonElement Json => JsonDocument.Parse(text).RootElement;

    public JsonElement Data => Json.GetProperty("data");

    public JsonElement Meta => Json.GetProperty("meta");

    public static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return new Answer(response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return new Answer(response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Sends <paramref name="body"/> as the request body with the given content type.</summary>
    public static async Task<Answer> PostAsync(HttpClient client, string path, string body,
        string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content,
            TestContext.Current.CancellationToken);
        return new Answer(response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Asserts an RFC 9457 problem with the status, and returns its detail.</summary>
    public string AssertProblem(HttpStatusCode status)
    {
        Assert.Equal(status, Status);
        Assert.Equal("application/problem+json", ContentType);
        var json = Json;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        string detail = json.GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return detail;
    }

    public override string ToString() => $"{(int)Status} {text}";
}
