using System.Text.Json;
using CoinSource.FakeUpstreams;
using CoinSource.SafeHttp;
using CoinSource.Sources.CryptoCompare;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class CryptoCompareSourceTests
{
    private static readonly AssetPair BtcUsd = new("BTC", "USD");

    [Fact]
    public void Sample_PriceMulti_PairEntryReadsTheBaseThenQuoteNesting()
    {
        using var sample = Samples.Json("cryptocompare__pricemulti.json");

        var btc = CryptoCompareSource.PairEntry(sample.RootElement, "BTC", "USD");
        var dai = CryptoCompareSource.PairEntry(sample.RootElement, "DAI", "USD");

        Assert.Equal(118434.5m, btc.GetDecimal());
        Assert.Equal(0.9998m, dai.GetDecimal());
        Assert.Throws<NotListedException>(() => CryptoCompareSource.PairEntry(sample.RootElement, "BTC", "EUR"));
        Assert.Throws<NotListedException>(() => CryptoCompareSource.PairEntry(sample.RootElement, "ETH", "USD"));
    }

    [Fact]
    public void Sample_Price_NotAnErrorButNotTheVariantTheAdapterReads()
    {
        // /data/price answers {"EUR":1198.44}; the adapter asks pricemultifull, whose prices sit under RAW.
        using var sample = Samples.Json("cryptocompare__price.json");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => CryptoCompareSource.ParsePriceMultiFull(sample.RootElement, new AssetPair("ETH", "EUR"), Samples.Now));

        Assert.Null(CryptoCompareSource.ReadError(sample.RootElement, 200));
        Assert.Equal(1198.44m, sample.RootElement.GetProperty("EUR").GetDecimal());
        Assert.Contains("'RAW'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_DataApi404_AnErrorPayloadNotAMissingSymbol()
    {
        using var sample = Samples.Json("cryptocompare__error_data_api_historical_hours_404.json");

        var failure = CryptoCompareSource.ReadError(sample.RootElement, 404);

        Assert.Equal(FailureKind.ErrorPayload, failure?.Kind);
        Assert.Contains("Invalid: to_ts parameter", failure!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsePriceMultiFull_RawEntry_PriceDayRangeAndLastUpdate()
    {
        using var json = Samples.Inline("""
            {"RAW":{"BTC":{"USD":{"PRICE":118434.5,"LASTUPDATE":1753077739,"VOLUME24HOUR":1234.5,
             "HIGH24HOUR":119000,"LOW24HOUR":117000.25,"CHANGEPCT24HOUR":-0.42}}},"DISPLAY":{}}
            """);

        var quote = CryptoCompareSource.ParsePriceMultiFull(json.RootElement, BtcUsd, Samples.Now);

        Assert.Equal(118434.5m, quote.Price);
        Assert.Equal(-0.42m, quote.Change24hPercent);
        Assert.Equal(119000m, quote.High24h);
        Assert.Equal(117000.25m, quote.Low24h);
        Assert.Equal(1234.5m, quote.Volume24h);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1753077739), quote.Timestamp);
    }

    [Fact]
    public void ParseHistory_ZeroPaddingBeforeFirstTrade_Dropped()
    {
        using var json = Samples.Inline("""
            {"Response":"Success","Data":{"Aggregated":false,"Data":[
             {"time":1700000000,"open":0,"high":0,"low":0,"close":0,"volumefrom":0,"volumeto":0},
             {"time":1700003600,"open":10,"high":12,"low":9,"close":11,"volumefrom":5.5,"volumeto":60}]}}
            """);

        var candle = Assert.Single(CryptoCompareSource.ParseHistory(json.RootElement, Samples.Now));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700003600), candle.OpenTime);
        Assert.Equal(10m, candle.Open);
        Assert.Equal(11m, candle.Close);
        Assert.Equal(5.5m, candle.Volume);
    }

    [Fact]
    public void ParseTopList_CoinWithoutPrices_LeftOutKeepingOthersRanks()
    {
        using var json = Samples.Inline("""
            {"Message":"Success","Data":[
             {"CoinInfo":{"Name":"BTC","FullName":"Bitcoin"},"RAW":{"USD":{"PRICE":50000,"MKTCAP":1e12}}},
             {"CoinInfo":{"Name":"XYZ","FullName":"No prices"}},
             {"CoinInfo":{"Name":"ETH","FullName":"Ethereum"},"RAW":{"USD":{"PRICE":3000,"CHANGEPCT24HOUR":1.5}}}]}
            """);

        var coins = CryptoCompareSource.ParseTopList(json.RootElement, "USD", 10);

        Assert.Equal([(1, "BTC"), (3, "ETH")], coins.Select(c => (c.Rank, c.Symbol)));
        Assert.Equal(1_000_000_000_000m, coins[0].MarketCap);
    }

    [Theory]
    [InlineData("cccagg_or_exchange market does not exist for this coin pair (BTC-XYZ)", FailureKind.NotListed)]
    [InlineData("There is no data for the symbol NOTACOIN .", FailureKind.NotListed)]
    [InlineData("There is no data for any of the toSymbols USD .", FailureKind.NotListed)]
    [InlineData("You are over your rate limit please upgrade your account!", FailureKind.ErrorPayload)]
    [InlineData("fsym param seems to be missing.", FailureKind.ErrorPayload)]
    public void ReadError_MinApiErrorWith200_Classified(string message, FailureKind expected)
    {
        string body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Response"] = "Error", ["Message"] = message, ["HasWarning"] = false, ["Type"] = 2, ["Data"] = new { },
        });
        using var json = Samples.Inline(body);

        Assert.Equal(expected, CryptoCompareSource.ReadError(json.RootElement, 200)?.Kind);
    }

    [Fact]
    public void ParsePriceMultiFull_NegativePrice_InvalidNamingTheField()
    {
        using var json = Samples.Inline("""{"RAW":{"BTC":{"USD":{"PRICE":-1,"LASTUPDATE":1753077739}}}}""");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => CryptoCompareSource.ParsePriceMultiFull(json.RootElement, BtcUsd, Samples.Now));

        Assert.Contains("'PRICE'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseHistory_HighBelowLow_Invalid()
    {
        using var json = Samples.Inline("""
            {"Data":{"Data":[{"time":1700003600,"open":10,"high":9,"low":12,"close":11,"volumefrom":1}]}}
            """);

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => CryptoCompareSource.ParseHistory(json.RootElement, Samples.Now));

        Assert.Contains("high 9 below low 12", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_PinnedToCryptoCompare_ServesTheFakesQuoteCandlesAndRanking()
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        await using var host = CoinSourceHost.AtMarketTime(upstream);
        var client = host.Client();

        using var quote = await client.GetOkAsync("/api/quotes/BTC-USDT?source=cryptocompare");
        using var candles = await client.GetOkAsync("/api/candles/ETH-USD?interval=5m&limit=4&source=cryptocompare");
        using var top = await client.GetOkAsync("/api/coins/top?limit=2&source=cryptocompare");

        Assert.Equal(50000m, quote.Data().GetProperty("price").GetDecimal());
        Assert.Equal("USDT", quote.Data().GetProperty("quoteCurrency").GetString());
        ApiJson.SameCandles(upstream.Market.Candles("cryptocompare", "ETH", TimeSpan.FromMinutes(5), 4), candles.Data());
        Assert.Equal(["BTC", "ETH"], top.Data().EnumerateArray().Select(c => c.GetProperty("symbol").GetString()));
    }
}
