using CoinSource.FakeUpstreams;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.Okx;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class OkxSourceTests
{
    private static readonly AssetPair BtcUsdt = new("BTC", "USDT");

    [Fact]
    public void Supports_StablecoinsOnly()
    {
        var source = new OkxSource(Offline.Http, TimeProvider.System, Offline.Sources);

        Assert.True(source.Supports(BtcUsdt));
        Assert.True(source.Supports(new AssetPair("ETH", "USDC")));
        Assert.False(source.Supports(new AssetPair("BTC", "USD")));
        Assert.False(source.Supports(new AssetPair("BTC", "EUR")));
    }

    [Fact]
    public void Sample_MarketCandles_NewestFirstStringsReturnedOldestFirst()
    {
        // The recording is of the BTC-USDT-SWAP instrument: same row layout as spot, but its volume is in contracts.
        using var sample = Samples.Json("okx__market_candles.json");

        var candles = OkxSource.ParseCandles(sample.RootElement, Samples.Now);

        Assert.Equal(2, candles.Count);
        Assert.Equal(new Candle(DateTimeOffset.FromUnixTimeMilliseconds(1747093980000), 102806m, 102820.5m, 102783.1m,
            102806.1m, 7164.04m), candles[0]);
        Assert.Equal(new Candle(DateTimeOffset.FromUnixTimeMilliseconds(1747094040000), 102806.1m, 102820.4m,
            102806.1m, 102820.4m, 1040.37m), candles[1]);
    }

    [Fact]
    public void ParseTicker_SpotTicker_ChangeFromOpen24hAndItsOwnTime()
    {
        using var json = Samples.Inline("""
            {"code":"0","msg":"","data":[{"instType":"SPOT","instId":"BTC-USDT","last":"102820.4","open24h":"100804.3",
             "high24h":"103000","low24h":"100500.1","vol24h":"8123.5","ts":"1747094040123"}]}
            """);

        var quote = OkxSource.ParseTicker(json.RootElement, BtcUsdt, Samples.Now);

        Assert.Equal(102820.4m, quote.Price);
        Assert.Equal(2.0000m, quote.Change24hPercent);
        Assert.Equal(103000m, quote.High24h);
        Assert.Equal(100500.1m, quote.Low24h);
        Assert.Equal(8123.5m, quote.Volume24h);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1747094040123), quote.Timestamp);
    }

    [Theory]
    [InlineData("""{"code":"51001","msg":"Instrument ID does not exist","data":[]}""", FailureKind.NotListed)]
    [InlineData("""{"code":"50011","msg":"Too Many Requests","data":[]}""", FailureKind.ErrorPayload)]
    [InlineData("""{"code":"51000","msg":"Parameter bar error","data":[]}""", FailureKind.ErrorPayload)]
    public void ReadError_CodeEnvelope_Classified(string body, FailureKind expected)
    {
        using var json = Samples.Inline(body);

        Assert.Equal(expected, OkxSource.ReadError(json.RootElement, 200)?.Kind);
    }

    [Fact]
    public void ReadError_RecordedCandles_AreNotAnError()
    {
        using var sample = Samples.Json("okx__market_candles.json");

        Assert.Null(OkxSource.ReadError(sample.RootElement, 200));
    }

    [Fact]
    public void ParseTicker_EmptyData_NotListed()
    {
        using var json = Samples.Inline("""{"code":"0","msg":"","data":[]}""");

        Assert.Throws<NotListedException>(() => OkxSource.ParseTicker(json.RootElement, BtcUsdt, Samples.Now));
    }

    [Fact]
    public void ParseTicker_ZeroPrice_InvalidNamingTheField()
    {
        using var json = Samples.Inline("""{"code":"0","data":[{"last":"0","ts":"1747094040123"}]}""");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => OkxSource.ParseTicker(json.RootElement, BtcUsdt, Samples.Now));

        Assert.Contains("'last'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseCandles_HighBelowLow_Invalid()
    {
        using var json = Samples.Inline("""
            {"code":"0","msg":"","data":[["1747094040000","102806.1","102700","102900","102820.4","1","1","1","1"]]}
            """);

        var ex = Assert.Throws<InvalidUpstreamDataException>(() => OkxSource.ParseCandles(json.RootElement, Samples.Now));

        Assert.Contains("high 102700 below low 102900", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandles_UpToAnEnd_TheLatestCandlesBeforeIt()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var source = new OkxSource(harness.Http, harness.Time, harness.Sources);
        var end = harness.Upstream.Market.Now.AddHours(-30);

        var result = await source.GetCandlesAsync(new CandleQuery(BtcUsdt, CandleInterval.OneHour, 6, null, end),
            TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        var expected = harness.Upstream.Market.Candles("okx", "BTC", TimeSpan.FromHours(1), 6, null, end);
        Assert.Equal(expected.Select(c => (c.OpenTime, c.Close)), result.Value.Select(c => (c.OpenTime, c.Close)));
    }

    [Fact]
    public async Task Api_PinnedToOkx_ServesTheFakesQuoteAndUtcDays()
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        await using var host = CoinSourceHost.AtMarketTime(upstream);
        var client = host.Client();

        using var quote = await client.GetOkAsync("/api/quotes/ETH-USDC?source=okx");
        using var candles = await client.GetOkAsync("/api/candles/BTC-USDT?interval=1d&limit=3&source=okx");

        Assert.Equal("okx", quote.Source());
        Assert.Equal(3000m, quote.Data().GetProperty("price").GetDecimal());
        ApiJson.SameCandles(upstream.Market.Candles("okx", "BTC", TimeSpan.FromDays(1), 3), candles.Data());
    }
}
