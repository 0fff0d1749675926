using CoinSource.SafeHttp;
using CoinSource.Sources.CoinGecko;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class CoinGeckoSourceTests
{
    private static readonly AssetPair BtcUsd = new("BTC", "USD");

    [Fact]
    public void Sample_SimplePriceEur_IntegerAndDecimalPricesWithoutATime()
    {
        using var sample = Samples.Json("coingecko__simple_price.json");

        var bitcoin = CoinGeckoSource.ParseSimplePrice(sample.RootElement, "bitcoin", new AssetPair("BTC", "EUR"),
            Samples.Now);
        var ethereum = CoinGeckoSource.ParseSimplePrice(sample.RootElement, "ethereum", new AssetPair("ETH", "EUR"),
            Samples.Now);

        Assert.Equal(53953m, bitcoin.Price);
        Assert.Equal(1441.93m, ethereum.Price);
        Assert.Equal(Samples.Now, bitcoin.Timestamp);
    }

    [Fact]
    public void Sample_SimplePriceBtcUsd_IntegerPrice()
    {
        using var sample = Samples.Json("coingecko__simple_price_btc_usd.json");

        Assert.Equal(87869m, CoinGeckoSource.ParseSimplePrice(sample.RootElement, "bitcoin", BtcUsd, Samples.Now).Price);
    }

    [Fact]
    public void Sample_SimplePriceFloat20_PointZeroRead()
    {
        using var sample = Samples.Json("coingecko__simple_price_float_20_0.json");

        var etc = CoinGeckoSource.ParseSimplePrice(sample.RootElement, "ethereum-classic", new AssetPair("ETC", "USD"),
            Samples.Now);
        var aave = CoinGeckoSource.ParseSimplePrice(sample.RootElement, "aave", new AssetPair("AAVE", "USD"),
            Samples.Now);

        Assert.Equal(20m, etc.Price);
        Assert.Equal(212.45m, aave.Price);
    }

    [Fact]
    public void Sample_SimplePriceUsdMulti_KeysInTheApisOrderNotTheRequests()
    {
        using var sample = Samples.Json("coingecko__simple_price_usd_multi.json");

        Assert.Equal(88927m, CoinGeckoSource.ParseSimplePrice(sample.RootElement, "bitcoin", BtcUsd, Samples.Now).Price);
        Assert.Equal(594.59m, CoinGeckoSource.ParseSimplePrice(sample.RootElement, "binancecoin",
            new AssetPair("BNB", "USD"), Samples.Now).Price);
    }

    [Fact]
    public void Sample_SimplePriceDocExample_ChangeAndLastUpdated()
    {
        // An example from CoinGecko's API reference, not a recording: it shows the fields the adapter asks for.
        using var sample = Samples.Json("coingecko__simple_price_24h_change__doc_example.json");

        var quote = CoinGeckoSource.ParseSimplePrice(sample.RootElement, "bitcoin", BtcUsd, Samples.Now);

        Assert.Equal(67187.3358936566m, quote.Price);
        Assert.Equal(3.63727894677354m, quote.Change24hPercent);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1711356300), quote.Timestamp);
    }

    [Fact]
    public void Sample_SimplePrice_IdMissingFromTheAnswer_NotListed()
    {
        using var sample = Samples.Json("coingecko__simple_price.json");

        Assert.Throws<NotListedException>(
            () => CoinGeckoSource.ParseSimplePrice(sample.RootElement, "solana", new AssetPair("SOL", "EUR"), Samples.Now));
    }

    [Fact]
    public void Sample_CoinsMarkets_RankedCoinsWithTheirOwnRanks()
    {
        using var sample = Samples.Json("coingecko__coins_markets.json");

        var coins = CoinGeckoSource.ParseMarkets(sample.RootElement, "USD", 250);

        // 16 coins, of which MoonTools has no market_cap_rank and so no place in a ranking.
        Assert.Equal(15, coins.Count);
        Assert.DoesNotContain(coins, c => c.Symbol == "MOONS");
        Assert.Equal((75, "GRT", "The Graph", 0.083973m), (coins[0].Rank, coins[0].Symbol, coins[0].Name, coins[0].Price));
        Assert.Equal(622238205m, coins[0].MarketCap);
        Assert.Equal(1.01388m, coins[0].Change24hPercent);
        Assert.Equal(0.000000010904m, coins.Single(c => c.Symbol == "DOBO").Price);
        Assert.Null(coins.Single(c => c.Symbol == "CHART").Change24hPercent);
        Assert.Equal((3260, "KRW"), (coins[^1].Rank, coins[^1].Symbol));
    }

    [Fact]
    public void Sample_Error429_ErrorPayloadWithTheMessage()
    {
        using var sample = Samples.Json("coingecko__error_429_rate_limit.json");

        var failure = CoinGeckoSource.ReadError(sample.RootElement, 429);

        Assert.Equal(FailureKind.ErrorPayload, failure?.Kind);
        Assert.Contains("exceeded the Rate Limit", failure!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadError_RecordedSuccessBodies_AreNotErrors()
    {
        using var price = Samples.Json("coingecko__simple_price.json");
        using var markets = Samples.Json("coingecko__coins_markets.json");

        Assert.Null(CoinGeckoSource.ReadError(price.RootElement, 200));
        Assert.Null(CoinGeckoSource.ReadError(markets.RootElement, 200));
    }
}
