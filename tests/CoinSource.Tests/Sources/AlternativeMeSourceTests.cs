using CoinSource.SafeHttp;
using CoinSource.Sources.AlternativeMe;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class AlternativeMeSourceTests
{
    // The documented answer of https://api.alternative.me/fng/?limit=1.
    private const string Documented = """
        {"name":"Fear and Greed Index","data":[{"value":"40","value_classification":"Fear",
        "timestamp":"1551157200","time_until_update":"68499"}],"metadata":{"error":null}}
        """;

    [Fact]
    public void Parse_DocumentedAnswer_ValueClassificationAndTime()
    {
        using var body = Samples.Inline(Documented);

        var reading = Assert.Single(AlternativeMeSource.Parse(body.RootElement, Samples.Now));

        Assert.Equal(40, reading.Value);
        Assert.Equal("Fear", reading.Classification);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_551_157_200), reading.Timestamp);
        Assert.Null(AlternativeMeSource.ReadError(body.RootElement, 200));
    }

    [Fact]
    public void Parse_SeveralDaysOutOfOrder_NewestFirst()
    {
        using var body = Samples.Inline("""
            {"data":[{"value":"10","value_classification":"Extreme Fear","timestamp":"1551070800"},
            {"value":"80","value_classification":"Extreme Greed","timestamp":"1551157200"}]}
            """);

        var readings = AlternativeMeSource.Parse(body.RootElement, Samples.Now);

        Assert.Equal([80, 10], readings.Select(r => r.Value));
    }

    [Theory]
    [InlineData("""{"data":[{"value":"101","value_classification":"Greed","timestamp":"1551157200"}]}""")]
    [InlineData("""{"data":[{"value":"-1","value_classification":"Fear","timestamp":"1551157200"}]}""")]
    [InlineData("""{"data":[{"value":"NaN","value_classification":"Fear","timestamp":"1551157200"}]}""")]
    [InlineData("""{"data":[{"value":"40","value_classification":"","timestamp":"1551157200"}]}""")]
    [InlineData("""{"data":[{"value":"40","value_classification":"Fear","timestamp":"4102444000"}]}""")]
    [InlineData("""{"data":[]}""")]
    [InlineData("""{"name":"Fear and Greed Index"}""")]
    public void Parse_Nonsense_InvalidData(string json)
    {
        using var body = Samples.Inline(json);

        Assert.Throws<InvalidUpstreamDataException>(() => AlternativeMeSource.Parse(body.RootElement, Samples.Now));
    }

    [Fact]
    public void ReadError_MetadataError_ErrorPayloadWithText()
    {
        using var body = Samples.Inline("""{"data":[],"metadata":{"error":"Limit must be a number"}}""");

        var failure = AlternativeMeSource.ReadError(body.RootElement, 200);

        Assert.Equal(FailureKind.ErrorPayload, failure?.Kind);
        Assert.Contains("Limit must be a number", failure?.Reason, StringComparison.Ordinal);
    }
}
