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
/// among sources in the same state. Adding a source is one folder and one line here, with the request budget of
/// its free tier (requests per window, kept a little under the published limit).
/// </summary>
public static class SourceRegistry
{
    private static readonly List<(string Name, Type Type, RequestBudget Budget)> Registered = [];

    static SourceRegistry()
    {
        Add<CoinGeckoProSource>(CoinGeckoProSource.ProSourceName, 450, PerMinute);
        Add<CoinGeckoSource>(CoinGeckoSource.SourceName, 10, PerMinute);
        Add<BinanceSource>(BinanceSource.SourceName, 1200, PerMinute);
        Add<KrakenSource>(KrakenSource.SourceName, 50, PerMinute);
        Add<CoinbaseSource>(CoinbaseSource.SourceName, 500, PerMinute);
        Add<CoinPaprikaSource>(CoinPaprikaSource.SourceName, 25, PerHour);
        Add<CryptoCompareSource>(CryptoCompareSource.SourceName, 30, PerMinute);
        Add<KuCoinSource>(KuCoinSource.SourceName, 1000, PerMinute);
        Add<OkxSource>(OkxSource.SourceName, 500, PerMinute);
        Add<BitfinexSource>(BitfinexSource.SourceName, 25, PerMinute);
    }

    private static TimeSpan PerMinute => TimeSpan.FromMinutes(1);

    private static TimeSpan PerHour => TimeSpan.FromHours(1);

    /// <summary>The names of every source, in priority order.</summary>
    public static IReadOnlyList<string> Names => [.. Registered.Select(r => r.Name)];

    /// <summary>The free-tier budget of a source, used when SOURCE_&lt;NAME&gt;_BUDGET does not set one.</summary>
    public static RequestBudget? DefaultBudget(string name) =>
        Registered.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Type: not null } r
            ? r.Budget
            : null;

    public static IServiceCollection AddMarketSources(this IServiceCollection services)
    {
        foreach (var (_, type, _) in Registered)
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

    private static void Add<T>(string name, int requests, TimeSpan window)
        where T : IMarketSource => Registered.Add((name, typeof(T), new RequestBudget(requests, window)));
}
