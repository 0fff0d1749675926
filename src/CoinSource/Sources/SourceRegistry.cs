using CoinSource.Sources.Binance;
using CoinSource.Sources.Bitfinex;
using CoinSource.Sources.Coinbase;
using CoinSource.Sources.CoinGecko;
using CoinSource.Sources.CoinPaprika;
using CoinSource.Sources.CryptoCompare;
using CoinSource.Sources.Kraken;
using CoinSource.Sources.KuCoin;
using CoinSource.Sources.Okx;

namespace CoinSource.Sources;

/// <summary>
/// The list of upstream adapters, in priority order: the first registered source of a capability is tried first
/// among sources in the same state. Adding a source is one folder and one line here.
/// </summary>
public static class SourceRegistry
{
    private static readonly List<(string Name, Type Type)> Registered = [];

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
    }

    /// <summary>The names of every source, in priority order.</summary>
    public static IReadOnlyList<string> Names => [.. Registered.Select(r => r.Name)];

    public static IServiceCollection AddMarketSources(this IServiceCollection services)
    {
        foreach (var (_, type) in Registered)
        {
            services.AddSingleton(type);
            services.AddSingleton(sp => (IMarketSource)sp.GetRequiredService(type));
            foreach (var capability in new[] { typeof(IQuoteSource), typeof(ICandleSource), typeof(ITopCoinsSource) })
            {
                if (capability.IsAssignableFrom(type))
                {
                    services.AddSingleton(capability, sp => sp.GetRequiredService(type));
                }
            }
        }

        services.AddSingleton<SourceCatalog>();
        return services;
    }

    private static void Add<T>(string name)
        where T : IMarketSource => Registered.Add((name, typeof(T)));
}
