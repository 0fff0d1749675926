using CoinSource.FakeUpstreams;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources.KuCoin;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class KuCoinSourceTests
{
    private static readonly AssetPair BtcUsdt = new("BTC", "USDT");

    [Fact]
    public void Supports_StablecoinsAndBtc_NeverFiatUsd()
    {
        var source = new KuCoinSource(Offline.Http, TimeProvider.System, Offline.Sources);

        Assert.True(source.Supports(BtcUsdt));
        Assert.True(source.Supports(new AssetPair("BTC", "USDC")));
        Assert.True(source.Supports(new AssetPair("ETH", "BTC")));
        Assert.False(source.Supports(new AssetPair("BTC", "USD")));
    }

    [Fact]
    public void Sample_MarketStats_LastPriceChangeRateAsPercentAndTime()
    {
        using var sample = Samples.Json("kucoin__market_stats.json");

        var quote = KuCoinSource.ParseStats(sample.RootElement, BtcUsdt, Samples.Now);

        Assert.Equal(67400m, quote.Price);
        Assert.Equal(0.89m, quote.Change24hPercent);
        Assert.Equal(67978.8m, quote.High24h);
        Assert.Equal(66541.4m, quote.Low24h);
        Assert.Equal(6442.17728633m, quote.Volume24h);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1709897710012), quote.Timestamp);
    }

    [Fact]
    public void Sample_MarketCandles_NewestFirstStringsWithCloseBeforeHigh()
    {
        using var sample = Samples.Json("kucoin__market_candles.json");

        var candles = KuCoinSource.ParseCandles(sample.RootElement, Samples.Now);

        Assert.Equal([1706630400L, 1706634000L, 1706637600L], candles.Select(c => c.OpenTime.ToUnixTimeSeconds()));
        Assert.Equal(new Candle(DateTimeOffset.FromUnixTimeSeconds(1706630400), 43383.7m, 43521.9m, 43222.8m, 43501m,
            101.30420492m), candles[0]);
        Assert.Equal(new Candle(DateTimeOffset.FromUnixTimeSeconds(1706637600), 43396.4m, 43491.9m, 43285.2m, 43369.4m,
            135.02905655m), candles[^1]);
    }

    [Theory]
    [InlineData("""{"code":"400100","msg":"This pair is not provided at present"}""", FailureKind.NotListed)]
    [InlineData("""{"code":"900001","msg":"symbol not exists"}""", FailureKind.NotListed)]
    [InlineData("""{"code":"400100","msg":"Parameter error"}""", FailureKind.ErrorPayload)]
    [InlineData("""{"code":"429000","msg":"Too Many Requests"}""", FailureKind.ErrorPayload)]
    [InlineData("""{"code":"500000","msg":"Internal Server Error."}""", FailureKind.ErrorPayload)]
    public void ReadError_CodeEnvelope_Classified(string body, FailureKind expected)
    {
        using var json = Samples.Inline(body);

        Assert.Equal(expected, KuCoinSource.ReadError(json.RootElement, 200)?.Kind);
    }

    [Fact]
    public void ReadError_RecordedSuccessBodies_AreNotErrors()
    {
        using var stats = Samples.Json("kucoin__market_stats.json");
        using var candles = Samples.Json("kucoin__market_candles.json");

        Assert.Null(KuCoinSource.ReadError(stats.RootElement, 200));
        Assert.Null(KuCoinSource.ReadError(candles.RootElement, 200));
    }

    [Fact]
    public void ParseStats_UnknownSymbolAnsweredWithNulls_NotListed()
    {
        using var json = Samples.Inline("""
            {"code":"200000","data":{"time":1709897710012,"symbol":"NOPE-USDT","buy":null,"sell":null,"last":null}}
            """);

        Assert.Throws<NotListedException>(() => KuCoinSource.ParseStats(json.RootElement, BtcUsdt, Samples.Now));
    }

    [Fact]
    public void ParseStats_NegativeLast_InvalidNamingTheField()
    {
        using var json = Samples.Inline("""{"code":"200000","data":{"time":1709897710012,"last":"-67400"}}""");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => KuCoinSource.ParseStats(json.RootElement, BtcUsdt, Samples.Now));

        Assert.Contains("'last'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseCandles_HighBelowLow_Invalid()
    {
        using var json = Samples.Inline("""
            {"code":"200000","data":[["1706637600","43396.4","43369.4","43285.2","43491.9","1","1"]]}
            """);

        var ex = Assert.Throws<InvalidUpstreamDataException>(() => KuCoinSource.ParseCandles(json.RootElement, Samples.Now));

        Assert.Contains("high 43285.2 below low 43491.9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetQuote_SymbolTheFakeDoesNotList_NotListed()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var source = new KuCoinSource(harness.Http, harness.Time, harness.Sources);

        var quote = await source.GetQuoteAsync(new AssetPair("NOPE", "USDT"), TestContext.Current.CancellationToken);
        var candles = await source.GetCandlesAsync(
            new CandleQuery(new AssetPair("NOPE", "USDT"), CandleInterval.OneHour, 5, null, null),
            TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.NotListed, quote.Failure?.Kind);
        Assert.Equal(FailureKind.NotListed, candles.Failure?.Kind);
    }

    [Fact]
    public async Task GetCandles_FromAStart_TheFirstCandlesFromIt()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var source = new KuCoinSource(harness.Http, harness.Time, harness.Sources);
        var start = harness.Upstream.Market.Now.AddDays(-3).AddMinutes(7);

        var result = await source.GetCandlesAsync(new CandleQuery(BtcUsdt, CandleInterval.FifteenMinutes, 10, start, null),
            TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        Assert.Equal(10, result.Value.Count);
        Assert.Equal(harness.Upstream.Market.Candles("kucoin", "BTC", TimeSpan.FromMinutes(15), 10, start)[0].OpenTime,
            result.Value[0].OpenTime);
        Assert.True(result.Value[0].OpenTime >= start);
    }

    [Fact]
    public async Task Api_PinnedToKuCoin_ServesTheFakesQuoteAndCandles()
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        await using var host = CoinSourceHost.AtMarketTime(upstream);
        var client = host.Client();

        using var quote = await client.GetOkAsync("/api/quotes/BTC-USDT?source=kucoin");
        using var candles = await client.GetOkAsync("/api/candles/BTC-USDT?interval=1h&limit=5&source=kucoin");

        Assert.Equal("kucoin", quote.Source());
        Assert.Equal(50000m, quote.Data().GetProperty("price").GetDecimal());
        Assert.Equal(1.23m, quote.Data().GetProperty("change24hPercent").GetDecimal());
        ApiJson.SameCandles(upstream.Market.Candles("kucoin", "BTC", TimeSpan.FromHours(1), 5), candles.Data());
    }
}
