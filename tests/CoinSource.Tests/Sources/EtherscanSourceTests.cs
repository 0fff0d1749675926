using CoinSource.Gas;
using CoinSource.SafeHttp;
using CoinSource.Sources.Etherscan;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class EtherscanSourceTests
{
    [Fact]
    public void Parse_RecordedGasOracle_TiersAndBaseFee()
    {
        using var body = Samples.Json("etherscan__gasoracle.json");

        var gas = EtherscanSource.Parse(body.RootElement, EvmChain.Ethereum, Samples.Now);

        Assert.Equal((10m, 11m, 55m, 9.8498m), (gas.Slow, gas.Standard, gas.Fast, gas.BaseFee));
        Assert.Null(EtherscanSource.ReadError(body.RootElement, 200));
    }

    [Theory]
    [InlineData("etherscan__error_notok_chain_not_supported.json")]
    [InlineData("etherscan__error_notok_contract_not_verified.json")]
    [InlineData("etherscan__error_notok_free_api_busy.json")]
    public void ReadError_RecordedNotOk_ErrorPayload(string sample)
    {
        using var body = Samples.Json(sample);

        var failure = EtherscanSource.ReadError(body.RootElement, 200);

        Assert.Equal(FailureKind.ErrorPayload, failure?.Kind);
        Assert.StartsWith("Etherscan NOTOK", failure?.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status":"1","result":{"SafeGasPrice":"-1","ProposeGasPrice":"11","FastGasPrice":"55"}}""")]
    [InlineData("""{"status":"1","result":{"SafeGasPrice":"20","ProposeGasPrice":"11","FastGasPrice":"55"}}""")]
    [InlineData("""{"status":"1","result":{"SafeGasPrice":"NaN","ProposeGasPrice":"11","FastGasPrice":"55"}}""")]
    [InlineData("""{"status":"1","result":{"ProposeGasPrice":"11","FastGasPrice":"55"}}""")]
    public void Parse_Nonsense_InvalidData(string json)
    {
        using var body = Samples.Inline(json);

        Assert.Throws<InvalidUpstreamDataException>(() => EtherscanSource.Parse(body.RootElement, EvmChain.Ethereum,
            Samples.Now));
    }
}
