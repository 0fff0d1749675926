using System.Net;
using System.Text.Json;
using CoinSource.FakeUpstreams;

namespace CoinSource.Tests.TestSupport;

/// <summary>Reads CoinSource's JSON answers in tests and compares them with what the fake market served.</summary>
public static class ApiJson
{
    /// <summary>GETs <paramref name="path"/>, asserts a 200 (showing the body when not), and returns its JSON.</summary>
    public static async Task<JsonDocument> GetOkAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    public static JsonElement Data(this JsonDocument answer) => answer.RootElement.GetProperty("data");

    public static string? Source(this JsonDocument answer) =>
        answer.RootElement.GetProperty("meta").GetProperty("source").GetString();

    /// <summary>Asserts that the API's candles are exactly the fake's, in the same order (oldest first).</summary>
    public static void SameCandles(IReadOnlyList<FakeCandle> expected, JsonElement actual)
    {
        Assert.Equal(expected.Count, actual.GetArrayLength());
        for (int i = 0; i < expected.Count; i++)
        {
            var candle = actual[i];
            Assert.Equal(expected[i].OpenTime, candle.GetProperty("openTime").GetDateTimeOffset());
            Assert.Equal(expected[i].Open, candle.GetProperty("open").GetDecimal());
            Assert.Equal(expected[i].High, candle.GetProperty("high").GetDecimal());
            Assert.Equal(expected[i].Low, candle.GetProperty("low").GetDecimal());
            Assert.Equal(expected[i].Close, candle.GetProperty("close").GetDecimal());
            Assert.Equal(expected[i].Volume, candle.GetProperty("volume").GetDecimal());
        }
    }
}
