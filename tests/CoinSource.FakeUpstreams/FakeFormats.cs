using CoinSource.FakeUpstreams.Formats;

namespace CoinSource.FakeUpstreams;

/// <summary>Every fake upstream format; a new source adds its format here.</summary>
public static class FakeFormats
{
    public static IReadOnlyList<IFakeFormat> All =>
    [
        new FakeCoinGecko(),
        new FakeCoinGecko("coingecko-pro"),
        new FakeBinance(),
        new FakeKraken(),
        new FakeCoinbase(),
        new FakeCoinPaprika(),
        new FakeCryptoCompare(),
        new FakeKuCoin(),
        new FakeOkx(),
        new FakeBitfinex(),
        new FakeAlternativeMe(),
        new FakeCoinMarketCap(),
        .. FakeFeed.All,
        new FakeEtherscan(),
        new FakeCryptoPanic(),
        .. FakeJsonRpc.All,
        .. FakeHuggingFace.All,
    ];
}
