using CoinSource.Gas;
using CoinSource.SafeHttp;
using CoinSource.Sources.JsonRpc;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class JsonRpcGasSourceTests
{
    [Fact]
    public void Parse_BatchWithFeeHistory_TiersAreBaseFeePlusMedianTips()
    {
        using var body = Samples.Inline("""
            [{"jsonrpc":"2.0","id":2,"result":{"oldestBlock":"0x10","baseFeePerGas":["0x2540be400","0x2540be400"],
              "gasUsedRatio":[0.5],"reward":[["0x3b9aca00","0x77359400","0xb2d05e00"]]}},
             {"jsonrpc":"2.0","id":1,"result":"0x4a817c800"}]
            """);

        var gas = JsonRpcGasSource.Parse(body.RootElement, EvmChain.Ethereum, Samples.Now);

        Assert.Equal((11m, 12m, 13m, 10m), (gas.Slow, gas.Standard, gas.Fast, gas.BaseFee));
        Assert.Equal("gwei", gas.Unit);
    }

    [Fact]
    public void Parse_NoFeeHistory_StandardIsGasPrice()
    {
        using var body = Samples.Inline("""
            [{"jsonrpc":"2.0","id":1,"result":"0xb2d05e00"},
             {"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"the method eth_feeHistory does not exist"}}]
            """);

        Assert.Null(JsonRpcGasSource.ReadError(body.RootElement, 200));
        var gas = JsonRpcGasSource.Parse(body.RootElement, EvmChain.Bsc, Samples.Now);

        Assert.Equal(3m, gas.Standard);
        Assert.Null(gas.Fast);
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"twenty"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":20000000000}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0xffffffffffffffffffffffff"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":2,"result":{}}]""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":"0x1"}""")]
    public void Parse_Nonsense_InvalidData(string json)
    {
        using var body = Samples.Inline(json);

        Assert.Throws<InvalidUpstreamDataException>(() => JsonRpcGasSource.Parse(body.RootElement, EvmChain.Ethereum,
            Samples.Now));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"rate limit exceeded"}}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"header not found"}}]""")]
    public void ReadError_RpcError_ErrorPayload(string json)
    {
        using var body = Samples.Inline(json);

        Assert.Equal(FailureKind.ErrorPayload, JsonRpcGasSource.ReadError(body.RootElement, 200)?.Kind);
    }
}
