using CoinSource.FakeUpstreams;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using CoinSource.Sources.AlternativeMe;
using CoinSource.Sources.Binance;
using CoinSource.Sources.Bitfinex;
using CoinSource.Sources.CoinGecko;
using CoinSource.Sources.CoinMarketCap;
using CoinSource.Sources.Coinbase;
using CoinSource.Sources.CoinPaprika;
using CoinSource.Sources.CryptoCompare;
using CoinSource.Sources.CryptoPanic;
using CoinSource.Sources.Etherscan;
using CoinSource.Sources.Feeds;
using CoinSource.Sources.HuggingFace;
using CoinSource.Sources.JsonRpc;
using CoinSource.Gas;
using CoinSource.Sources.Kraken;
using CoinSource.Sources.KuCoin;
using CoinSource.Sources.Okx;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

/// <summary>
/// What every adapter must do with its upstream's own answers, through the real safe client: its "unknown symbol"
/// answer is not listed (not a health failure), its error envelope is an error payload, nonsense values are invalid
/// data. One test for all, so that a new source is held to it by adding one line.
/// </summary>
public sealed class AdapterContractTests
{
    private static readonly Dictionary<string, (Func<AdapterHarness, IMarketSource> Create, AssetPair Pair)> Adapters =
        new()
        {
            ["coingecko"] = (h => new CoinGeckoSource(h.Http, h.Time, h.Sources), new("BTC", "USD")),
            ["binance"] = (h => new BinanceSource(h.Http, h.Time, h.Sources), new("BTC", "USDT")),
            ["kraken"] = (h => new KrakenSource(h.Http, h.Time, h.Sources), new("BTC", "USD")),
            ["coinbase"] = (h => new CoinbaseSource(h.Http, h.Time, h.Sources), new("BTC", "USD")),
            ["coinpaprika"] = (h => new CoinPaprikaSource(h.Http, h.Time, h.Sources), new("BTC", "USD")),
            ["cryptocompare"] = (h => new CryptoCompareSource(h.Http, h.Time, h.Sources), new("BTC", "USD")),
            ["kucoin"] = (h => new KuCoinSource(h.Http, h.Time, h.Sources), new("BTC", "USDT")),
            ["okx"] = (h => new OkxSource(h.Http, h.Time, h.Sources), new("BTC", "USDT")),
            ["bitfinex"] = (h => new BitfinexSource(h.Http, h.Time, h.Sources), new("BTC", "USD")),
        };

    /// <summary>Sources that take no symbol: Fear &amp; Greed, news feeds, gas sources and hosted models.</summary>
    private static readonly Dictionary<string, Func<AdapterHarness, IMarketSource>> Unkeyed =
        new Dictionary<string, Func<AdapterHarness, IMarketSource>>
        {
            ["alternative-me"] = h => new AlternativeMeSource(h.Http, h.Time, h.Sources),
            ["coinmarketcap"] = h => new CoinMarketCapSource(h.Http, h.Time, h.Sources),
            ["etherscan"] = h => new EtherscanSource(h.Http, h.Time, h.Sources),
            ["cryptopanic"] = h => new CryptoPanicSource(h.Http, h.Time, h.Sources),
        }.Concat(FeedDefinition.All.Select(feed => KeyValuePair.Create<string, Func<AdapterHarness, IMarketSource>>(
            feed.Name, h => new FeedSource(feed, h.Http, h.Time, h.Sources))))
        .Concat(RpcNode.All.Select(node => KeyValuePair.Create<string, Func<AdapterHarness, IMarketSource>>(
            node.Name, h => new JsonRpcGasSource(node, h.Http, h.Time, h.Sources))))
        .Concat(HostedModel.All.Select(model => KeyValuePair.Create<string, Func<AdapterHarness, IMarketSource>>(
            model.Name, h => new HuggingFaceModel(model, h.Http, h.Time, h.Sources)))).ToDictionary();

    public static TheoryData<string, FailureMode, FailureKind> UnkeyedCases()
    {
        var cases = new TheoryData<string, FailureMode, FailureKind>();
        foreach (string source in Unkeyed.Keys)
        {
            bool feed = source.StartsWith("news-", StringComparison.Ordinal);
            cases.Add(source, FailureMode.ErrorPayload, feed ? FailureKind.InvalidData : FailureKind.ErrorPayload);
            cases.Add(source, FailureMode.InvalidData, FailureKind.InvalidData);
            cases.Add(source, FailureMode.BrokenJson, FailureKind.Unparsable);
            cases.Add(source, FailureMode.Html, FailureKind.WrongContentType);
            cases.Add(source, FailureMode.Oversized, FailureKind.BodyTooLarge);
            cases.Add(source, FailureMode.EmptyBody, FailureKind.EmptyBody);
            cases.Add(source, FailureMode.PartialContent, FailureKind.BadStatus);
            cases.Add(source, FailureMode.TooManyRequests, FailureKind.Throttled);
        }

        return cases;
    }

    public static TheoryData<string, FailureMode, FailureKind> Cases()
    {
        var cases = new TheoryData<string, FailureMode, FailureKind>();
        foreach (string source in Adapters.Keys)
        {
            cases.Add(source, FailureMode.NotListed, FailureKind.NotListed);
            cases.Add(source, FailureMode.ErrorPayload, FailureKind.ErrorPayload);
            cases.Add(source, FailureMode.InvalidData, FailureKind.InvalidData);
        }

        return cases;
    }

    [Fact]
    public void EveryRegisteredKeylessSource_IsHeldToTheContract() =>
        Assert.Equal(SourceRegistry.Names
                .Where(n => n != CoinGeckoProSource.ProSourceName && !SourceRegistry.InProcess.Contains(n)).Order(),
            Adapters.Keys.Concat(Unkeyed.Keys).Order());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fake_Misbehaves_QuoteAndCandleFailuresClassified(string name, FailureMode mode,
        FailureKind expected)
    {
        await using var harness = await AdapterHarness.StartAsync();
        var (create, pair) = Adapters[name];
        var source = create(harness);
        harness.Upstream.Fail(name, mode);

        if (source is IQuoteSource quotes)
        {
            var quote = await quotes.GetQuoteAsync(pair, TestContext.Current.CancellationToken);
            Assert.Equal(expected, quote.Failure?.Kind);
        }

        if (source is ICandleSource candles)
        {
            var query = new CandleQuery(pair, CandleInterval.OneHour, 5, null, null);
            var result = await candles.GetCandlesAsync(query, TestContext.Current.CancellationToken);
            Assert.Equal(expected, result.Failure?.Kind);
        }
    }

    [Theory]
    [MemberData(nameof(UnkeyedCases))]
    public async Task Fake_Misbehaves_UnkeyedSourceFailuresClassified(string name, FailureMode mode,
        FailureKind expected)
    {
        await using var harness = await AdapterHarness.StartAsync();
        var source = Unkeyed[name](harness);
        harness.Upstream.Fail(name, mode);

        var failure = source switch
        {
            IFearGreedSource index => (await index.GetFearGreedAsync(3, TestContext.Current.CancellationToken)).Failure,
            INewsSource feed => (await feed.GetNewsAsync(TestContext.Current.CancellationToken)).Failure,
            IGasSource gas => (await gas.GetGasAsync(EvmChain.Ethereum, TestContext.Current.CancellationToken)).Failure,
            ISentimentModel model => (await model.AnalyzeAsync("prices rise", TestContext.Current.CancellationToken)).Failure,
            _ => throw new InvalidOperationException($"{name} serves no unkeyed capability"),
        };

        Assert.Equal(expected, failure?.Kind);
    }

    [Theory]
    [MemberData(nameof(UnkeyedSources))]
    public async Task Fake_Answers_UnkeyedSourcesParse(string name)
    {
        await using var harness = await AdapterHarness.StartAsync();
        var source = Unkeyed[name](harness);

        int count = source switch
        {
            IFearGreedSource index => (await index.GetFearGreedAsync(3, TestContext.Current.CancellationToken)).Value!.Count,
            INewsSource feed => (await feed.GetNewsAsync(TestContext.Current.CancellationToken)).Value!.Count,
            IGasSource gas => (await gas.GetGasAsync(RpcNode.All.FirstOrDefault(n => n.Name == name)?.Chain
                ?? EvmChain.Ethereum, TestContext.Current.CancellationToken)).Failure is null ? 1 : 0,
            ISentimentModel model => (await model.AnalyzeAsync("prices rise", TestContext.Current.CancellationToken))
                .Failure is null ? 1 : 0,
            _ => 0,
        };

        Assert.True(count > 0);
    }

    // Etherscan answers only calls with a key, which the harness has not: its answers are tested through HTTP.
    public static TheoryData<string> UnkeyedSources() => [.. Unkeyed.Keys.Where(k => k != "etherscan")];
}
