using CoinSource.SafeHttp;
using CoinSource.Sources.CoinMarketCap;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class CoinMarketCapSourceTests
{
    // The shape of /v3/fear-and-greed/historical as CoinMarketCap documents it: numbers as numbers, the timestamp as
    // a string of Unix seconds, and a status object whose error_code is the string "0".
    private const string Historical = """
        {"data":[{"timestamp":"1726704000","value":38,"value_classification":"Fear"},
        {"timestamp":"1726790400","value":55,"value_classification":"Neutral"}],
        "status":{"timestamp":"2024-09-20T08:00:00.000Z","error_code":"0","error_message":"","elapsed":11,
        "credit_count":1,"notice":""}}
        """;

    [Fact]
    public void Parse_HistoricalAnswer_NewestFirstWithClassification()
    {
        using var body = Samples.Inline(Historical);

        var readings = CoinMarketCapSource.Parse(body.RootElement, Samples.Now);

        Assert.Equal([55, 38], readings.Select(r => r.Value));
        Assert.Equal(["Neutral", "Fear"], readings.Select(r => r.Classification));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_726_790_400), readings[0].Timestamp);
        Assert.Null(CoinMarketCapSource.ReadError(body.RootElement, 200));
    }

    [Theory]
    [InlineData("""{"data":[{"timestamp":"1726790400","value":101,"value_classification":"Greed"}]}""")]
    [InlineData("""{"data":[{"timestamp":"1726790400","value":55.5,"value_classification":"Neutral"}]}""")]
    [InlineData("""{"data":[{"timestamp":"4102444000","value":55,"value_classification":"Neutral"}]}""")]
    [InlineData("""{"data":[{"timestamp":"1726790400","value":55}]}""")]
    [InlineData("""{"data":{"value":55,"update_time":"2024-09-19T02:55:19.557Z"}}""")]
    public void Parse_Nonsense_InvalidData(string json)
    {
        using var body = Samples.Inline(json);

        Assert.Throws<InvalidUpstreamDataException>(() => CoinMarketCapSource.Parse(body.RootElement, Samples.Now));
    }

    [Theory]
    [InlineData("""{"status":{"error_code":1002,"error_message":"API key missing."}}""", "1002: API key missing.")]
    [InlineData("""{"status":{"error_code":"1008","error_message":"Rate limit"}}""", "1008: Rate limit")]
    public void ReadError_NonZeroCode_ErrorPayloadWithCodeAndMessage(string json, string expected)
    {
        using var body = Samples.Inline(json);

        var failure = CoinMarketCapSource.ReadError(body.RootElement, 401);

        Assert.Equal(FailureKind.ErrorPayload, failure?.Kind);
        Assert.EndsWith(expected, failure!.Reason);
    }
}
