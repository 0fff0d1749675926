using CoinSource.Sources.AlternativeMe;
using CoinSource.Sources.Binance;
using CoinSource.Sources.Bitfinex;
using CoinSource.Sources.Coinbase;
using CoinSource.Sources.CoinGecko;
using CoinSource.Sources.CoinMarketCap;
using CoinSource.Sources.CoinPaprika;
using CoinSource.Sources.CryptoCompare;
using CoinSource.Sources.CryptoPanic;
using CoinSource.Sources.Etherscan;
using CoinSource.Sources.Feeds;
using CoinSource.Sources.HuggingFace;
using CoinSource.Sources.JsonRpc;
using CoinSource.Sources.Kraken;
using CoinSource.Sources.Lexicon;
using CoinSource.Sources.KuCoin;
using CoinSource.Sources.Okx;

namespace CoinSource.Sources;

/// <summary>
/// The list of upstream adapters, in priority order: the first registered source of a capability is tried first
/// among sources in the same state. Adding a source is one folder and one line here, with the request budget of
/// its free tier (requests per window, kept a little under the published limit).
/// </summary>
public static class SourceRegistry
{
    private static readonly Type[] Capabilities =
    [
        typeof(IQuoteSource), typeof(ICandleSource), typeof(ITopCoinsSource), typeof(IFearGreedSource),
        typeof(INewsSource), typeof(ISentimentModel), typeof(IGasSource),
    ];

    private static readonly List<Registration> Registered = [];

    static SourceRegistry()
    {
        Add<CoinGeckoProSource>(CoinGeckoProSource.ProSourceName, new(450, PerMinute));
        Add<CoinGeckoSource>(CoinGeckoSource.SourceName, new(10, PerMinute));
        Add<BinanceSource>(BinanceSource.SourceName, new(1200, PerMinute));
        Add<KrakenSource>(KrakenSource.SourceName, new(50, PerMinute));
        Add<CoinbaseSource>(CoinbaseSource.SourceName, new(500, PerMinute));
        Add<CoinPaprikaSource>(CoinPaprikaSource.SourceName, new(25, PerHour));
        Add<CryptoCompareSource>(CryptoCompareSource.SourceName, new(30, PerMinute));
        Add<KuCoinSource>(KuCoinSource.SourceName, new(1000, PerMinute));
        Add<OkxSource>(OkxSource.SourceName, new(500, PerMinute));
        Add<BitfinexSource>(BitfinexSource.SourceName, new(25, PerMinute));
        Add<AlternativeMeSource>(AlternativeMeSource.SourceName, new(50, PerMinute));
        // The free plan grants 10,000 credits a month, about 13 an hour; one reading costs one credit.
        Add<CoinMarketCapSource>(CoinMarketCapSource.SourceName, new(12, PerHour));
        foreach (var feed in FeedDefinition.All)
        {
            Registered.Add(new(feed.Name, typeof(FeedSource),
                sp => ActivatorUtilities.CreateInstance<FeedSource>(sp, feed), new(30, PerMinute)));
        }

        Add<CryptoPanicSource>(CryptoPanicSource.SourceName, new(30, PerMinute));
        Add<EtherscanSource>(EtherscanSource.SourceName, new(240, PerMinute));
        foreach (var node in RpcNode.All)
        {
            Registered.Add(new(node.Name, typeof(JsonRpcGasSource),
                sp => ActivatorUtilities.CreateInstance<JsonRpcGasSource>(sp, node), new(100, PerMinute)));
        }

        foreach (var model in HostedModel.All)
        {
            Registered.Add(new(model.Name, typeof(HuggingFaceModel),
                sp => ActivatorUtilities.CreateInstance<HuggingFaceModel>(sp, model), new(60, PerMinute)));
        }

        Add<LexiconModel>(LexiconModel.SourceName, null);
    }

    private static TimeSpan PerMinute => TimeSpan.FromMinutes(1);

    private static TimeSpan PerHour => TimeSpan.FromHours(1);

    /// <summary>Sources that run inside CoinSource: they have no address to configure.</summary>
    public static IReadOnlySet<string> InProcess { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        LexiconModel.SourceName,
    };

    /// <summary>The names of every source, in priority order.</summary>
    public static IReadOnlyList<string> Names => [.. Registered.Select(r => r.Name)];

    /// <summary>The free-tier budget of a source, used when SOURCE_&lt;NAME&gt;_BUDGET does not set one.</summary>
    public static RequestBudget? DefaultBudget(string name) =>
        Registered.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Budget;

    public static IServiceCollection AddMarketSources(this IServiceCollection services)
    {
        foreach (var (name, type, create, _) in Registered)
        {
            // Keyed by name, since one adapter type may serve several sources (one per news feed).
            services.AddKeyedSingleton<IMarketSource>(name, (sp, _) => create(sp));
            services.AddSingleton(sp => sp.GetRequiredKeyedService<IMarketSource>(name));
            foreach (var capability in Capabilities.Where(c => c.IsAssignableFrom(type)))
            {
                services.AddSingleton(capability, sp => sp.GetRequiredKeyedService<IMarketSource>(name));
            }
        }

        services.AddSingleton<SourceCatalog>();
        return services;
    }

    private static void Add<T>(string name, RequestBudget? budget)
        where T : IMarketSource =>
        Registered.Add(new(name, typeof(T), sp => ActivatorUtilities.CreateInstance<T>(sp), budget));

    /// <summary>One source: its name, its adapter type, how to build it, and the budget of its free tier.</summary>
    private sealed record Registration(string Name, Type Type, Func<IServiceProvider, IMarketSource> Create,
        RequestBudget? Budget);
}
