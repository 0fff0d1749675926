using System.Net;
using System.Text.Json;
using CoinSource.Api;
using CoinSource.FakeUpstreams;
using CoinSource.Indicators;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Api;

/// <summary>
/// The indicator endpoints through the real server: over the fake market's candles (GET) and over posted candles
/// (POST). Computed values are checked against expectations worked out here, never against the indicator code.
/// </summary>
public sealed class IndicatorEndpointTests(IndicatorEndpointTests.Fixture fixture)
    : IClassFixture<IndicatorEndpointTests.Fixture>
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetOne_AnswersValuesAndMetaWithTheCandleSource()
    {
        var answer = await GetAsync("/api/indicators/BTC-USDT/rsi?interval=1h");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var data = answer.Data;
        Assert.Equal("rsi", data.GetProperty("indicator").GetString());
        Assert.Equal(14, data.GetProperty("parameters").GetProperty("period").GetDouble());
        Assert.Equal(15, data.GetProperty("requiredCandles").GetInt32());
        Assert.Equal(100, data.GetProperty("candles").GetInt32());
        var values = data.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(100, values.Count);
        Assert.All(values.Take(14), v => Assert.Equal(JsonValueKind.Null, v.GetProperty("rsi").ValueKind));
        Assert.All(values.Skip(14), v => Assert.InRange(v.GetProperty("rsi").GetDouble(), 0, 100));

        string? source = answer.Meta.GetProperty("source").GetString();
        Assert.False(string.IsNullOrEmpty(source));
        Assert.Contains(answer.Meta.GetProperty("attempts").EnumerateArray(),
            a => a.GetProperty("source").GetString() == source && a.GetProperty("outcome").GetString() == "success");
    }

    [Fact]
    public async Task GetSma_EqualsTheMeanOfTheServedCloses()
    {
        var candles = await GetAsync("/api/candles/BTC-USDT?interval=1h&limit=10");
        var sma = await GetAsync("/api/indicators/BTC-USDT/sma?interval=1h&limit=10&period=3");

        Assert.Equal(HttpStatusCode.OK, candles.Status);
        Assert.Equal(HttpStatusCode.OK, sma.Status);
        double[] closes = [.. candles.Data.EnumerateArray().Select(c => c.GetProperty("close").GetDouble())];
        var values = sma.Data.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(closes.Length, values.Count);
        for (int i = 2; i < closes.Length; i++)
        {
            double mean = (closes[i - 2] + closes[i - 1] + closes[i]) / 3;
            Assert.Equal(mean, values[i].GetProperty("sma").GetDouble(), 1e-9 * mean);
        }
    }

    [Fact]
    public async Task GetSummary_HasASignalPerIndicatorAndAnOverallOne()
    {
        var answer = await GetAsync("/api/indicators/BTC-USDT/summary?interval=1h");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        string[] signals = [Signals.Overbought, Signals.Oversold, Signals.Bullish, Signals.Bearish, Signals.Neutral];
        Assert.Contains(answer.Data.GetProperty("overall").GetString(), signals);
        var readings = answer.Data.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(IndicatorCatalog.All.Select(d => d.Name),
            readings.Select(r => r.GetProperty("indicator").GetString()));
        Assert.All(readings, r => Assert.Contains(r.GetProperty("signal").GetString(), signals));
        Assert.False(string.IsNullOrEmpty(answer.Meta.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task GetTooFewCandles_Is400NamingTheIndicatorRequiredAndProvided()
    {
        var answer = await GetAsync("/api/indicators/BTC-USDT/sma?interval=1h&limit=50&period=200");

        string detail = answer.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("sma", detail, StringComparison.Ordinal);
        Assert.Equal("sma", answer.Json.GetProperty("indicator").GetString());
        Assert.Equal(200, answer.Json.GetProperty("required").GetInt32());
        Assert.Equal(50, answer.Json.GetProperty("provided").GetInt32());
    }

    [Theory]
    [InlineData("/api/indicators/BTC-USDT/sma?period=0", "period")]
    [InlineData("/api/indicators/BTC-USDT/sma?period=501", "period")]
    [InlineData("/api/indicators/BTC-USDT/sma?period=abc", "period")]
    [InlineData("/api/indicators/BTC-USDT/sma?period=2.5", "period")]
    [InlineData("/api/indicators/BTC-USDT/sma?period=", "period")]
    [InlineData("/api/indicators/BTC-USDT/macd?fast=26&slow=12", "fast")]
    [InlineData("/api/indicators/BTC-USDT/macd?fast=12&slow=12", "fast")]
    [InlineData("/api/indicators/BTC-USDT/bollinger?multiplier=0", "multiplier")]
    [InlineData("/api/indicators/BTC-USDT/bollinger?multiplier=-1", "multiplier")]
    [InlineData("/api/indicators/BTC-USDT/bollinger?multiplier=NaN", "multiplier")]
    [InlineData("/api/indicators/BTC-USDT/stochastic?kPeriod=0", "kPeriod")]
    [InlineData("/api/indicators/BTC-USDT/stochrsi?dSmooth=0", "dSmooth")]
    [InlineData("/api/indicators/BTC-USDT/nosuch", "indicator")]
    [InlineData("/api/indicators/BTC-USDT/rsi?interval=7m", "interval")]
    [InlineData("/api/indicators/BTC-USDT/rsi?limit=0", "limit")]
    [InlineData("/api/indicators/B$C/rsi", "symbol")]
    [InlineData("/api/indicators/BTC-USDT/summary?interval=7m", "interval")]
    public async Task GetBadParameter_Is400NamingIt(string path, string parameter)
    {
        var answer = await GetAsync(path);

        AssertBadParameter(answer, parameter);
    }

    [Fact]
    public async Task PostSma_OfCloses1To5Period3_Is2Then3Then4()
    {
        var answer = await PostAsync("/api/indicators/sma?period=3", Body(Closes(1, 2, 3, 4, 5)));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var values = answer.Data.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("sma")).ToList();
        Assert.Equal([JsonValueKind.Null, JsonValueKind.Null], values.Take(2).Select(v => v.ValueKind));
        Assert.Equal([2.0, 3.0, 4.0], values.Skip(2).Select(v => v.GetDouble()));
        Assert.Equal(Start.AddHours(4), answer.Data.GetProperty("values")[4].GetProperty("time").GetDateTimeOffset());
        Assert.Equal("request", answer.Meta.GetProperty("source").GetString());
    }

    [Fact]
    public async Task PostObv_AddsUpVolumeOnRisesAndSubtractsOnFalls()
    {
        // Closes 10, 11, 11, 9 with volumes 5, 7, 3, 2: 0, then +7 (up), +0 (equal), -2 (down) = 0, 7, 7, 5.
        PostedCandle[] candles =
        [
            Candle(0, 10, 5), Candle(1, 11, 7), Candle(2, 11, 3), Candle(3, 9, 2),
        ];

        var answer = await PostAsync("/api/indicators/obv", Body(candles));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal([0.0, 7.0, 7.0, 5.0],
            answer.Data.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("obv").GetDouble()));
    }

    [Fact]
    public async Task PostSummary_AnswersEveryIndicator()
    {
        var answer = await PostAsync("/api/indicators/summary", Body(Wave(60)));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(60, answer.Data.GetProperty("candles").GetInt32());
        Assert.Equal(IndicatorCatalog.All.Count, answer.Data.GetProperty("indicators").GetArrayLength());
        Assert.Equal("request", answer.Meta.GetProperty("source").GetString());
    }

    [Fact]
    public async Task PostTooFewCandles_Is400NamingTheIndicatorRequiredAndProvided()
    {
        var answer = await PostAsync("/api/indicators/rsi", Body(Closes(1, 2, 3)));

        answer.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal("rsi", answer.Json.GetProperty("indicator").GetString());
        Assert.Equal(15, answer.Json.GetProperty("required").GetInt32());
        Assert.Equal(3, answer.Json.GetProperty("provided").GetInt32());
    }

    [Fact]
    public async Task PostBadParameter_Is400NamingIt()
    {
        AssertBadParameter(await PostAsync("/api/indicators/sma?period=0", Body(Closes(1, 2, 3))), "period");
        AssertBadParameter(await PostAsync("/api/indicators/nosuch", Body(Closes(1, 2, 3))), "indicator");
        AssertBadParameter(await PostAsync("/api/indicators/macd?fast=5&slow=3", Body(Closes(1, 2, 3))), "fast");
    }

    public static TheoryData<string, string> InvalidCandles() => new()
    {
        { "unsorted", Body([Candle(1, 10), Candle(0, 10)]) },
        { "duplicate time", Body([Candle(0, 10), Candle(0, 11)]) },
        { "high below low", Body([new PostedCandle(Start, 10, 9, 11, 10, 1)]) },
        { "close above high", Body([new PostedCandle(Start, 10, 11, 9, 12, 1)]) },
        { "negative volume", Body([new PostedCandle(Start, 10, 11, 9, 10, -1)]) },
        { "empty", "[]" },
        { "null", "null" },
        { "null candle", "[null]" },
        { "no openTime", "[{\"open\":1,\"high\":1,\"low\":1,\"close\":1,\"volume\":1}]" },
        { "oversized", Body(Wave(IndicatorEndpoints.MaxPostedCandles + 1)) },
    };

    [Theory]
    [MemberData(nameof(InvalidCandles))]
    public async Task PostInvalidCandles_Is400NamingCandles(string why, string body)
    {
        foreach (string path in new[] { "/api/indicators/sma?period=1", "/api/indicators/summary" })
        {
            var answer = await PostAsync(path, body);

            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{why} to {path}: {answer}");
            AssertBadParameter(answer, "candles");
        }
    }

    [Theory]
    [InlineData("[{\"openTime\":\"2024-01-01T00:00:00Z\",\"open\":1")]
    [InlineData("not json")]
    [InlineData("{\"openTime\":\"2024-01-01T00:00:00Z\"}")]
    [InlineData("[{\"openTime\":\"2024-01-01T00:00:00Z\",\"open\":\"1\",\"high\":1,\"low\":1,\"close\":1}]")]
    [InlineData("[{\"openTime\":\"2024-01-01T00:00:00Z\",\"open\":NaN,\"high\":1,\"low\":1,\"close\":1}]")]
    [InlineData("[{\"openTime\":\"2024-01-01T00:00:00Z\",\"open\":1e999,\"high\":1,\"low\":1,\"close\":1}]")]
    [InlineData("[{\"openTime\":\"yesterday\",\"open\":1,\"high\":1,\"low\":1,\"close\":1,\"volume\":1}]")]
    [InlineData("")]
    public async Task PostMalformedBody_Is400Problem(string body)
    {
        foreach (string path in new[] { "/api/indicators/sma?period=1", "/api/indicators/summary" })
        {
            var answer = await PostAsync(path, body);

            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{path} with {body}: {answer}");
            answer.AssertProblem(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task PostWrongContentType_Is415Problem()
    {
        foreach (string path in new[] { "/api/indicators/sma?period=1", "/api/indicators/summary" })
        {
            var answer = await PostAsync(path, Body(Closes(1, 2)), "text/plain");

            answer.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        }
    }

    [Fact]
    public async Task PostDegenerateCandles_NoValueIsNaNOrInfinity()
    {
        // Flat prices, no volume, and the extremes of decimal: every ratio with a zero or huge denominator.
        PostedCandle[] flat =
            [.. Enumerable.Range(0, 60).Select(i => new PostedCandle(Start.AddHours(i), 5, 5, 5, 5, 0))];
        PostedCandle[] tiny = [.. Enumerable.Range(0, 60).Select(i =>
            new PostedCandle(Start.AddHours(i), 0.00000001m, 0.00000002m, 0, 0.00000001m * (i % 2), 0.00000001m))];
        PostedCandle[] huge = [.. Enumerable.Range(0, 60).Select(i =>
            new PostedCandle(Start.AddHours(i), 7e27m, 7.9e28m, 1e27m, 7e27m + (i % 3 * 1e27m), 7.9e28m))];

        foreach (var candles in new[] { flat, tiny, huge })
        {
            var summary = await PostAsync("/api/indicators/summary", Body(candles));
            Assert.Equal(HttpStatusCode.OK, summary.Status);
            foreach (var definition in IndicatorCatalog.All)
            {
                var one = await PostAsync($"/api/indicators/{definition.Name}", Body(candles));
                Assert.True(one.Status == HttpStatusCode.OK, $"{definition.Name}: {one}");
            }
        }
    }

    private async Task<Answer> GetAsync(string path) => Finite(await Answer.GetAsync(fixture.Client, path));

    private async Task<Answer> PostAsync(string path, string body, string contentType = "application/json") =>
        Finite(await Answer.PostAsync(fixture.Client, path, body, contentType));

    // Every answer of this class passes here: a bare NaN would not parse, and a quoted one must not stand for a number.
    private static Answer Finite(Answer answer)
    {
        Assert.True(answer.Status < HttpStatusCode.InternalServerError, answer.ToString());
        if (answer.Text.Length > 0)
        {
            AssertNoNonFinite(answer.Json, answer);
        }

        return answer;
    }

    private static void AssertNoNonFinite(JsonElement element, Answer answer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AssertNoNonFinite(property.Value, answer);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertNoNonFinite(item, answer);
                }

                break;
            case JsonValueKind.Number:
                Assert.True(double.IsFinite(element.GetDouble()), answer.ToString());
                break;
            case JsonValueKind.String:
                Assert.DoesNotContain(element.GetString(), new[] { "NaN", "Infinity", "-Infinity" });
                break;
        }
    }

    private static void AssertBadParameter(Answer answer, string parameter)
    {
        string detail = answer.AssertProblem(HttpStatusCode.BadRequest);
        Assert.StartsWith(parameter + ":", detail, StringComparison.Ordinal);
        Assert.Equal(parameter, answer.Json.GetProperty("parameter").GetString());
    }

    private static PostedCandle Candle(int hour, decimal close, decimal volume = 1) =>
        new(Start.AddHours(hour), close, close, close, close, volume);

    private static PostedCandle[] Closes(params decimal[] closes) => [.. closes.Select((c, i) => Candle(i, c))];

    private static PostedCandle[] Wave(int count) => [.. Enumerable.Range(0, count).Select(i =>
    {
        decimal close = 100 + (decimal)Math.Round(10 * Math.Sin(i / 5.0), 4);
        return new PostedCandle(Start.AddHours(i), close, close + 1, close - 1, close, 10 + (i % 7));
    })];

    private static string Body(IEnumerable<PostedCandle> candles) =>
        JsonSerializer.Serialize(candles, JsonSerializerOptions.Web);

    public sealed class Fixture : IAsyncLifetime
    {
        private FakeUpstreamServer _upstream = null!;
        private CoinSourceHost _host = null!;

        public HttpClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _upstream = await FakeUpstreamServer.StartAsync();
            _host = CoinSourceHost.AtMarketTime(_upstream);
            Client = _host.Client();
        }

        public async ValueTask DisposeAsync()
        {
            await _host.DisposeAsync();
            await _upstream.DisposeAsync();
        }
    }
}
