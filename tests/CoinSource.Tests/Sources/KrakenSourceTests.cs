using CoinSource.FakeUpstreams;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Kraken;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class KrakenSourceTests
{
    private static readonly AssetPair BtcUsd = new("BTC", "USD");
    private static readonly AssetPair BtcUsdt = new("BTC", "USDT");

    [Fact]
    public void PairName_Bitcoin_UsesKrakensXbt()
    {
        Assert.Equal("XBTUSD", KrakenSource.PairName(BtcUsd));
        Assert.Equal("XDGUSDT", KrakenSource.PairName(new AssetPair("DOGE", "USDT")));
        Assert.Equal("ETHEUR", KrakenSource.PairName(new AssetPair("ETH", "EUR")));
    }

    [Fact]
    public void Supports_QuoteCurrencies_UsdStablecoinsAndEurButNotBtc()
    {
        var source = new KrakenSource(Offline.Http, TimeProvider.System, Offline.Sources);

        Assert.True(source.Supports(BtcUsd));
        Assert.True(source.Supports(BtcUsdt));
        Assert.True(source.Supports(new AssetPair("BTC", "USDC")));
        Assert.True(source.Supports(new AssetPair("BTC", "EUR")));
        Assert.False(source.Supports(new AssetPair("ETH", "BTC")));
        Assert.True(source.Supports(BtcUsd, CandleInterval.FourHours));
    }

    [Fact]
    public void Sample_TickerSinglePair_LastTradeAndDayRange()
    {
        using var sample = Samples.Json("kraken__ticker_single_pair.json");

        var quote = KrakenSource.ParseTicker(sample.RootElement, BtcUsdt, Samples.Now);

        Assert.Equal(105899.4m, quote.Price);
        Assert.Equal(106613.1m, quote.High24h);
        Assert.Equal(104711.0m, quote.Low24h);
        Assert.Equal(163.28908096m, quote.Volume24h);
        Assert.Null(quote.Change24hPercent);
        Assert.Equal(Samples.Now, quote.Timestamp);
    }

    [Fact]
    public void Sample_TickerAllPairs_ManyEntriesRefusedButEachEntryParses()
    {
        using var sample = Samples.Json("kraken__ticker_all_pairs.json");
        var result = sample.RootElement.GetProperty("result");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => KrakenSource.ParseTicker(sample.RootElement, BtcUsd, Samples.Now));
        var quote = KrakenSource.ParseTickerEntry(result.GetProperty("BTC/USD"), BtcUsd, Samples.Now);

        Assert.Contains("expected one pair in 'result', got 55", ex.Message, StringComparison.Ordinal);
        Assert.Equal(60520.00000m, quote.Price);
        Assert.Equal(63138.70000m, quote.High24h);
        Assert.Equal(60515.40000m, quote.Low24h);
        Assert.Equal(2619.86024867m, quote.Volume24h);
    }

    [Fact]
    public void Sample_Ohlc_All721CandlesOldestFirstWithZeroTradeOnes()
    {
        using var sample = Samples.Json("kraken__ohlc.json");

        var candles = KrakenSource.ParseOhlc(sample.RootElement, Samples.Now);

        Assert.Equal(721, candles.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762777020), candles[0].OpenTime);
        Assert.Equal(106038.2m, candles[0].Open);
        Assert.Equal(0m, candles[0].Volume);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762820220), candles[^1].OpenTime);
        Assert.Equal(105899.4m, candles[^1].Close);
        Assert.True(candles.Zip(candles.Skip(1)).All(p => p.Second.OpenTime - p.First.OpenTime == TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Sample_Ohlc_WindowKeepsTheLatestCandles()
    {
        using var sample = Samples.Json("kraken__ohlc.json");
        var query = new CandleQuery(BtcUsdt, CandleInterval.OneMinute, 3, null, null);

        var candles = MarketDataRules.Window(KrakenSource.ParseOhlc(sample.RootElement, Samples.Now), query);

        Assert.Equal(3, candles.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762820220), candles[^1].OpenTime);
    }

    [Theory]
    [InlineData("""{"error":["EQuery:Unknown asset pair"]}""", FailureKind.NotListed)]
    [InlineData("""{"error":["EAPI:Rate limit exceeded"]}""", FailureKind.ErrorPayload)]
    [InlineData("""{"error":["EGeneral:Too many requests"]}""", FailureKind.ErrorPayload)]
    [InlineData("""{"error":["EService:Unavailable"],"result":{}}""", FailureKind.ErrorPayload)]
    public void ReadError_ErrorArray_Classified(string body, FailureKind expected)
    {
        using var json = Samples.Inline(body);

        var failure = KrakenSource.ReadError(json.RootElement, 200);

        Assert.Equal(expected, failure?.Kind);
    }

    [Fact]
    public void ReadError_RecordedSuccessBodies_AreNotErrors()
    {
        using var ticker = Samples.Json("kraken__ticker_single_pair.json");
        using var ohlc = Samples.Json("kraken__ohlc.json");

        Assert.Null(KrakenSource.ReadError(ticker.RootElement, 200));
        Assert.Null(KrakenSource.ReadError(ohlc.RootElement, 200));
    }

    [Fact]
    public void ParseTicker_NegativeLastPrice_InvalidNamingTheField()
    {
        using var json = Samples.Inline("""
            {"error":[],"result":{"XXBTZUSD":{"c":["-1.0","0.1"],"h":["2","2"],"l":["1","1"],"v":["1","1"]}}}
            """);

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => KrakenSource.ParseTicker(json.RootElement, BtcUsd, Samples.Now));

        Assert.Contains("c[0]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseOhlc_HighBelowLow_Invalid()
    {
        using var json = Samples.Inline("""
            {"error":[],"result":{"XXBTZUSD":[[1762777020,"100.0","90.0","110.0","105.0","100.0","1.0",3]],"last":1}}
            """);

        var ex = Assert.Throws<InvalidUpstreamDataException>(() => KrakenSource.ParseOhlc(json.RootElement, Samples.Now));

        Assert.Contains("high 90.0 below low 110.0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_PinnedToKraken_ServesTheFakesQuoteAndCandles()
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        await using var host = CoinSourceHost.AtMarketTime(upstream);
        var client = host.Client();

        using var quote = await client.GetOkAsync("/api/quotes/BTC-USD?source=kraken");
        using var candles = await client.GetOkAsync("/api/candles/BTC-USD?interval=4h&limit=5&source=kraken");

        Assert.Equal("kraken", quote.Source());
        Assert.Equal(50000m, quote.Data().GetProperty("price").GetDecimal());
        Assert.Equal("kraken", candles.Source());
        ApiJson.SameCandles(upstream.Market.Candles("kraken", "BTC", TimeSpan.FromHours(4), 5), candles.Data());
    }
}
