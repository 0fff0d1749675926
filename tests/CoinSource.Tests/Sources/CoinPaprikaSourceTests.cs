using System.Globalization;
using System.Text.Json;
using CoinSource.FakeUpstreams;
using CoinSource.SafeHttp;
using CoinSource.Sources.CoinPaprika;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class CoinPaprikaSourceTests
{
    private static readonly AssetPair BtcUsd = new("BTC", "USD");

    [Fact]
    public void Supports_KnownIdsInUsdEurBtc_NoStablecoins()
    {
        var source = new CoinPaprikaSource(Offline.Http, TimeProvider.System, Offline.Sources);

        Assert.True(source.Supports(BtcUsd));
        Assert.True(source.Supports(new AssetPair("ETH", "EUR")));
        Assert.True(source.Supports(new AssetPair("ETH", "BTC")));
        Assert.False(source.Supports(new AssetPair("BTC", "USDT")));
        Assert.False(source.Supports(new AssetPair("NOTACOIN", "USD")));
        Assert.False(source.SupportsQuote("USDC"));
    }

    [Fact]
    public void Sample_TickerSingle_PriceChangeAndLastUpdated()
    {
        using var sample = Samples.Json("coinpaprika__ticker_single.json");

        var quote = CoinPaprikaSource.ParseTicker(sample.RootElement, BtcUsd, Samples.Now);

        Assert.Equal(41389.57931641128m, quote.Price);
        Assert.Equal(5.25m, quote.Change24hPercent);
        Assert.Equal(DateTimeOffset.Parse("2022-04-19T15:43:22Z", CultureInfo.InvariantCulture), quote.Timestamp);

        // volume_24h (35357658696.99645) is in USD, not in the base asset, so it is not a quote volume.
        Assert.Null(quote.Volume24h);
    }

    [Fact]
    public void Sample_TickerSingleAsListItem_RanksBitcoinFirst()
    {
        // No recording of /tickers exists; its items have the shape of the single ticker, so the list is built from it.
        using var list = Samples.Inline($"[{SharedSamples.Read("coinpaprika__ticker_single.json")}]");

        var coin = Assert.Single(CoinPaprikaSource.ParseTickers(list.RootElement, "USD", 10));

        Assert.Equal(1, coin.Rank);
        Assert.Equal("BTC", coin.Symbol);
        Assert.Equal("Bitcoin", coin.Name);
        Assert.Equal(41389.57931641128m, coin.Price);
        Assert.Equal(787066061422m, coin.MarketCap);
        Assert.Equal(35357658696.99645m, coin.Volume24h);
    }

    [Fact]
    public void Sample_TickerSingleInEur_QuoteMissingIsInvalid()
    {
        using var sample = Samples.Json("coinpaprika__ticker_single.json");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => CoinPaprikaSource.ParseTicker(sample.RootElement, new AssetPair("BTC", "EUR"), Samples.Now));

        Assert.Contains("quotes.EUR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTickers_UnrankedCoins_LeftOutAndSortedByRank()
    {
        using var json = Samples.Inline("""
            [{"symbol":"NEW","name":"Newcoin","rank":0,"quotes":{"USD":{"price":1.5}}},
             {"symbol":"ETH","name":"Ethereum","rank":2,"quotes":{"USD":{"price":3000}}},
             {"symbol":"BTC","name":"Bitcoin","rank":1,"quotes":{"USD":{"price":50000}}}]
            """);

        var coins = CoinPaprikaSource.ParseTickers(json.RootElement, "USD", 10);

        Assert.Equal(["BTC", "ETH"], coins.Select(c => c.Symbol));
    }

    [Theory]
    [InlineData("""{"error":"id not found"}""", 404, FailureKind.NotListed)]
    [InlineData("""{"error":"Upgrade your plan"}""", 402, FailureKind.ErrorPayload)]
    [InlineData("""{"error":"internal error"}""", 200, FailureKind.ErrorPayload)]
    public void ReadError_ErrorEnvelope_Classified(string body, int status, FailureKind expected)
    {
        using var json = Samples.Inline(body);

        Assert.Equal(expected, CoinPaprikaSource.ReadError(json.RootElement, status)?.Kind);
    }

    [Fact]
    public void ReadError_RecordedTicker_IsNotAnError()
    {
        using var sample = Samples.Json("coinpaprika__ticker_single.json");

        Assert.Null(CoinPaprikaSource.ReadError(sample.RootElement, 200));
    }

    [Fact]
    public void ParseTicker_NegativePrice_InvalidNamingTheField()
    {
        using var json = Samples.Inline("""{"last_updated":"2022-04-19T15:43:22Z","quotes":{"USD":{"price":-1.0}}}""");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => CoinPaprikaSource.ParseTicker(json.RootElement, BtcUsd, Samples.Now));

        Assert.Contains("'price'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_PinnedToCoinPaprika_ServesTheFakesQuoteAndRanking()
    {
        await using var upstream = await FakeUpstreamServer.StartAsync();
        await using var host = CoinSourceHost.AtMarketTime(upstream);
        var client = host.Client();

        using var quote = await client.GetOkAsync("/api/quotes/ETH?quote=EUR&source=coinpaprika");
        using var top = await client.GetOkAsync("/api/coins/top?limit=3&source=coinpaprika");

        Assert.Equal("coinpaprika", quote.Source());
        Assert.Equal(3000m, quote.Data().GetProperty("price").GetDecimal());
        Assert.Equal("EUR", quote.Data().GetProperty("quoteCurrency").GetString());
        Assert.Equal(["BTC", "ETH", "SOL"], Symbols(top.Data()));
        Assert.Equal(50000m, top.Data()[0].GetProperty("price").GetDecimal());
    }

    private static IEnumerable<string?> Symbols(JsonElement coins) =>
        coins.EnumerateArray().Select(c => c.GetProperty("symbol").GetString());
}
