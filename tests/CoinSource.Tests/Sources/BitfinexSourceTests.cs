using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Bitfinex;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class BitfinexSourceTests
{
    private static readonly AssetPair BtcUsd = new("BTC", "USD");
    private static readonly AssetPair BtcUsdt = new("BTC", "USDT");

    [Fact]
    public void Symbol_UsdtAndLongCodes_BitfinexNames()
    {
        Assert.Equal("tBTCUSD", BitfinexSource.Symbol(BtcUsd));
        Assert.Equal("tBTCUST", BitfinexSource.Symbol(BtcUsdt));
        Assert.Equal("tDOGE:USD", BitfinexSource.Symbol(new AssetPair("DOGE", "USD")));
        Assert.Equal("tETHEUR", BitfinexSource.Symbol(new AssetPair("ETH", "EUR")));
        Assert.Equal("tUSTUSD", BitfinexSource.Symbol(new AssetPair("USDT", "USD")));
    }

    [Fact]
    public void Supports_FourHours_NotServed()
    {
        var source = new BitfinexSource(Offline.Http, TimeProvider.System, Offline.Sources);

        Assert.True(source.Supports(BtcUsdt, CandleInterval.OneHour));
        Assert.False(source.Supports(BtcUsdt, CandleInterval.FourHours));
        Assert.False(source.Supports(new AssetPair("BTC", "USDC")));
    }

    [Fact]
    public void Sample_TickerSingle_LastPriceRangeAndRelativeChangeAsPercent()
    {
        using var sample = Samples.Json("bitfinex__ticker_single.json");

        var quote = BitfinexSource.ParseTicker(sample.RootElement, BtcUsdt, Samples.Now);

        Assert.Equal(73350m, quote.Price);
        Assert.Equal(1.386374m, quote.Change24hPercent);
        Assert.Equal(2638.4314844m, quote.Volume24h);
        Assert.Equal(73583m, quote.High24h);
        Assert.Equal(68643m, quote.Low24h);
        Assert.Equal(Samples.Now, quote.Timestamp);
    }

    [Fact]
    public void Sample_Candles_OpenCloseHighLowColumnOrder()
    {
        using var sample = Samples.Json("bitfinex__candles.json");

        var candle = Assert.Single(BitfinexSource.ParseCandles(sample.RootElement, Samples.Now));

        Assert.Equal(new Candle(DateTimeOffset.FromUnixTimeMilliseconds(1552298400000), 3870.1m, 3890m, 3870.1m,
            3890m, 0.05m), candle);
    }

    [Fact]
    public void ParseCandles_NewestFirst_ReturnedOldestFirst()
    {
        using var json = Samples.Inline("""
            [[1552302000000,3890,3880,3895,3875,1.5],[1552298400000,3870.1,3890,3890,3870.1,0.05]]
            """);

        var candles = BitfinexSource.ParseCandles(json.RootElement, Samples.Now);

        Assert.Equal([1552298400000L, 1552302000000L], candles.Select(c => c.OpenTime.ToUnixTimeMilliseconds()));
        Assert.Equal(3880m, candles[^1].Close);
    }

    [Theory]
    [InlineData("""["error",10020,"symbol: invalid"]""", 500, FailureKind.NotListed)]
    [InlineData("""["error",10020,"limit: invalid"]""", 500, FailureKind.ErrorPayload)]
    [InlineData("""["error",11010,"ratelimit: error"]""", 200, FailureKind.ErrorPayload)]
    [InlineData("""{"error":"ERR_RATE_LIMIT"}""", 200, FailureKind.ErrorPayload)]
    public void ReadError_ErrorArray_Classified(string body, int status, FailureKind expected)
    {
        using var json = Samples.Inline(body);

        Assert.Equal(expected, BitfinexSource.ReadError(json.RootElement, status)?.Kind);
    }

    [Fact]
    public void ReadError_RecordedSuccessBodies_AreNotErrors()
    {
        using var ticker = Samples.Json("bitfinex__ticker_single.json");
        using var candles = Samples.Json("bitfinex__candles.json");

        Assert.Null(BitfinexSource.ReadError(ticker.RootElement, 200));
        Assert.Null(BitfinexSource.ReadError(candles.RootElement, 200));
    }

    [Fact]
    public void ParseTicker_EmptyArray_NotListed()
    {
        using var json = Samples.Inline("[]");

        Assert.Throws<NotListedException>(() => BitfinexSource.ParseTicker(json.RootElement, BtcUsd, Samples.Now));
    }

    [Fact]
    public void ParseTicker_NegativeLastPrice_InvalidNamingTheField()
    {
        using var json = Samples.Inline("[73350,2.5,73351,6.3,1003,0.0138,-73350,2638.4,73583,68643]");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => BitfinexSource.ParseTicker(json.RootElement, BtcUsd, Samples.Now));

        Assert.Contains("LAST_PRICE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTicker_HighBelowLow_Invalid()
    {
        using var json = Samples.Inline("[73350,2.5,73351,6.3,1003,0.0138,73350,2638.4,68643,73583]");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => BitfinexSource.ParseTicker(json.RootElement, BtcUsd, Samples.Now));

        Assert.Contains("below 24 h low", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandles_FromAStart_OldestFirstPage()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var source = new BitfinexSource(harness.Http, harness.Time, harness.Sources);
        var start = harness.Upstream.Market.Now.AddDays(-1);

        var result = await source.GetCandlesAsync(new CandleQuery(BtcUsdt, CandleInterval.FiveMinutes, 4, start, null),
            TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        var expected = harness.Upstream.Market.Candles("bitfinex", "BTC", TimeSpan.FromMinutes(5), 4, start);
        Assert.Equal(expected.Select(c => c.OpenTime), result.Value.Select(c => c.OpenTime));
    }

    [Fact]
    public async Task Api_PinnedToBitfinex_ServesTheFakesQuoteAndCandlesButNoFourHours()
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        await using var host = CoinSourceHost.AtMarketTime(upstream);
        var client = host.Client();

        using var quote = await client.GetOkAsync("/api/quotes/BTC-USDT?source=bitfinex");
        using var candles = await client.GetOkAsync("/api/candles/DOGE-USD?interval=1h&limit=5&source=bitfinex");
        var fourHours = await client.GetAsync(new Uri("/api/candles/BTC-USD?interval=4h&source=bitfinex",
            UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("bitfinex", quote.Source());
        Assert.Equal(50000m, quote.Data().GetProperty("price").GetDecimal());
        ApiJson.SameCandles(upstream.Market.Candles("bitfinex", "DOGE", TimeSpan.FromHours(1), 5), candles.Data());
        Assert.Equal(HttpStatusCode.BadRequest, fourHours.StatusCode);
    }
}
