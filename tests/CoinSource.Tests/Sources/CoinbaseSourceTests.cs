using System.Globalization;
using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Coinbase;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class CoinbaseSourceTests
{
    private static readonly AssetPair BtcUsd = new("BTC", "USD");
    private static readonly AssetPair BtcUsdt = new("BTC", "USDT");

    [Fact]
    public void Supports_FourHours_NotServed()
    {
        var source = new CoinbaseSource(Offline.Http, TimeProvider.System, Offline.Sources);

        Assert.True(source.Supports(BtcUsd, CandleInterval.OneHour));
        Assert.True(source.Supports(BtcUsd, CandleInterval.OneDay));
        Assert.False(source.Supports(BtcUsd, CandleInterval.FourHours));
        Assert.True(source.Supports(new AssetPair("ETH", "BTC")));
    }

    [Fact]
    public void Sample_ProductTicker_PriceVolumeAndItsOwnTime()
    {
        using var sample = Samples.Json("coinbase_exchange__product_ticker.json");

        var quote = CoinbaseSource.ParseTicker(sample.RootElement, BtcUsdt, Samples.Now);

        Assert.Equal(73367.8m, quote.Price);
        Assert.Equal(1207.50668151m, quote.Volume24h);
        Assert.Equal(DateTimeOffset.Parse("2024-03-13T11:10:41.270099Z", CultureInfo.InvariantCulture),
            quote.Timestamp);
    }

    [Fact]
    public void Sample_ProductCandles_LowHighOpenCloseColumnOrder()
    {
        using var sample = Samples.Json("coinbase_exchange__product_candles.json");

        var candle = Assert.Single(CoinbaseSource.ParseCandles(sample.RootElement, Samples.Now));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1710327600), candle.OpenTime);
        Assert.Equal(73243.33m, candle.Open);
        Assert.Equal(73402.47m, candle.High);
        Assert.Equal(73241.5m, candle.Low);
        Assert.Equal(73370.65m, candle.Close);
        Assert.Equal(1.56794406m, candle.Volume);
    }

    [Fact]
    public void ParseCandles_NewestFirst_ReturnedOldestFirst()
    {
        using var json = Samples.Inline("""
            [[1710331200,73300,73500,73370.65,73450,2.5],[1710327600,73241.5,73402.47,73243.33,73370.65,1.56794406]]
            """);

        var candles = CoinbaseSource.ParseCandles(json.RootElement, Samples.Now);

        Assert.Equal([1710327600L, 1710331200L], candles.Select(c => c.OpenTime.ToUnixTimeSeconds()));
        Assert.Equal(73450m, candles[^1].Close);
    }

    [Theory]
    [InlineData("""{"message":"NotFound"}""", 404, FailureKind.NotListed)]
    [InlineData("""{"message":"Route not found"}""", 404, FailureKind.ErrorPayload)]
    [InlineData("""{"message":"Unsupported granularity"}""", 400, FailureKind.ErrorPayload)]
    [InlineData("""{"message":"Internal server error"}""", 200, FailureKind.ErrorPayload)]
    public void ReadError_MessageEnvelope_Classified(string body, int status, FailureKind expected)
    {
        using var json = Samples.Inline(body);

        Assert.Equal(expected, CoinbaseSource.ReadError(json.RootElement, status)?.Kind);
    }

    [Fact]
    public void ReadError_RecordedSuccessBodies_AreNotErrors()
    {
        using var ticker = Samples.Json("coinbase_exchange__product_ticker.json");
        using var candles = Samples.Json("coinbase_exchange__product_candles.json");

        Assert.Null(CoinbaseSource.ReadError(ticker.RootElement, 200));
        Assert.Null(CoinbaseSource.ReadError(candles.RootElement, 200));
    }

    [Fact]
    public void ParseTicker_NegativePrice_InvalidNamingTheField()
    {
        using var json = Samples.Inline("""{"price":"-73367.8","volume":"1.0","time":"2024-03-13T11:10:41Z"}""");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => CoinbaseSource.ParseTicker(json.RootElement, BtcUsd, Samples.Now));

        Assert.Contains("'price'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTicker_TimeInTheFuture_Invalid()
    {
        using var json = Samples.Inline("""{"price":"73367.8","volume":"1.0","time":"2030-01-01T00:00:00Z"}""");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => CoinbaseSource.ParseTicker(json.RootElement, BtcUsd, Samples.Now));

        Assert.Contains("in the future", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseCandles_HighBelowLow_Invalid()
    {
        using var json = Samples.Inline("[[1710327600,73500,73400,73450,73420,1.0]]");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => CoinbaseSource.ParseCandles(json.RootElement, Samples.Now));

        Assert.Contains("high 73400 below low 73500", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandles_RangeLongerThanOnePage_AsksForAtMost300()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var source = new CoinbaseSource(harness.Http, harness.Time, harness.Sources);
        var start = harness.Upstream.Market.Now.AddDays(-2);

        var result = await source.GetCandlesAsync(new CandleQuery(BtcUsd, CandleInterval.OneMinute, 1000, start, null),
            TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        Assert.Equal(300, result.Value.Count);
        Assert.Equal(start, result.Value[0].OpenTime);
    }

    [Fact]
    public async Task Api_PinnedToCoinbase_ServesTheFakesQuoteAndCandlesButNoFourHours()
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        await using var host = CoinSourceHost.AtMarketTime(upstream);
        var client = host.Client();

        using var quote = await client.GetOkAsync("/api/quotes/BTC-USD?source=coinbase");
        using var candles = await client.GetOkAsync("/api/candles/BTC-USD?interval=15m&limit=5&source=coinbase");
        var fourHours = await client.GetAsync(new Uri("/api/candles/BTC-USD?interval=4h&source=coinbase",
            UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(50000m, quote.Data().GetProperty("price").GetDecimal());
        Assert.Equal("coinbase", candles.Source());
        ApiJson.SameCandles(upstream.Market.Candles("coinbase", "BTC", TimeSpan.FromMinutes(15), 5), candles.Data());
        Assert.Equal(HttpStatusCode.BadRequest, fourHours.StatusCode);
    }
}
