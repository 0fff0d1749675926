using CoinSource.Sources.AlternativeMe;
using CoinSource.Sources.Binance;
using CoinSource.Sources.Bitfinex;
using CoinSource.Sources.Coinbase;
using CoinSource.Sources.CoinGecko;
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
/// among sources in the same state. Adding a source is one folder and one line here.
/// </summary>
public static class SourceRegistry
{
    private static readonly Type[] Capabilities =
    [
        typeof(IQuoteSource), typeof(ICandleSource), typeof(ITopCoinsSource), typeof(IFearGreedSource),
        typeof(INewsSource), typeof(ISentimentModel), typeof(IGasSource),
    ];

    private static readonly List<(string Name, Type Type, Func<IServiceProvider, IMarketSource> Create)> Registered = [];

    static SourceRegistry()
    {
        Add<CoinGeckoProSource>(CoinGeckoProSource.ProSourceName);
        Add<CoinGeckoSource>(CoinGeckoSource.SourceName);
        Add<BinanceSource>(BinanceSource.SourceName);
        Add<KrakenSource>(KrakenSource.SourceName);
        Add<CoinbaseSource>(CoinbaseSource.SourceName);
        Add<CoinPaprikaSource>(CoinPaprikaSource.SourceName);
        Add<CryptoCompareSource>(CryptoCompareSource.SourceName);
        Add<KuCoinSource>(KuCoinSource.SourceName);
        Add<OkxSource>(OkxSource.SourceName);
        Add<BitfinexSource>(BitfinexSource.SourceName);
        Add<AlternativeMeSource>(AlternativeMeSource.SourceName);
        foreach (var feed in FeedDefinition.All)
        {
            Registered.Add((feed.Name, typeof(FeedSource), sp => ActivatorUtilities.CreateInstance<FeedSource>(sp, feed)));
        }

        Add<CryptoPanicSource>(CryptoPanicSource.SourceName);
        Add<EtherscanSource>(EtherscanSource.SourceName);
        foreach (var node in RpcNode.All)
        {
            Registered.Add((node.Name, typeof(JsonRpcGasSource),
                sp => ActivatorUtilities.CreateInstance<JsonRpcGasSource>(sp, node)));
        }

        foreach (var model in HostedModel.All)
        {
            Registered.Add((model.Name, typeof(HuggingFaceModel),
                sp => ActivatorUtilities.CreateInstance<HuggingFaceModel>(sp, model)));
        }

        Add<LexiconModel>(LexiconModel.SourceName);
    }

    /// <summary>Sources that run inside CoinSource: they have no address to configure.</summary>
    public static IReadOnlySet<string> InProcess { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        LexiconModel.SourceName,
    };

    /// <summary>The names of every source, in priority order.</summary>
    public static IReadOnlyList<string> Names => [.. Registered.Select(r => r.Name)];

    public static IServiceCollection AddMarketSources(this IServiceCollection services)
    {
        foreach (var (name, type, create) in Registered)
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

    private static void Add<T>(string name)
        where T : IMarketSource =>
        Registered.Add((name, typeof(T), sp => ActivatorUtilities.CreateInstance<T>(sp)));
}
