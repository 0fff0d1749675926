using CoinSource.Configuration;
using CoinSource.Health;
using Microsoft.Extensions.Options;

namespace CoinSource.Storage;

/// <summary>Registers the store chosen by configuration, its background writer and what reads from it.</summary>
public static class StorageServices
{
    public static IServiceCollection AddCoinSourceStorage(this IServiceCollection services, Settings settings)
    {
        var options = settings.Storage;
        services.AddSingleton(options);
        services.AddSingleton<SqlDialect>(_ => options.PostgresConnectionString is { } connection
            ? new PostgresDialect(connection)
            : new SqliteDialect(options.SqlitePath));
        services.AddSingleton<IMarketStore>(sp => new SqlMarketStore(sp.GetRequiredService<SqlDialect>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new StorageWriter(sp.GetRequiredService<IMarketStore>(), options,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<HealthEvents>(),
            sp.GetRequiredService<ILogger<StorageWriter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<StorageWriter>());
        services.AddSingleton(sp => new MarketHistory(sp.GetRequiredService<StorageWriter>(),
            sp.GetRequiredService<IMarketStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptionsMonitor<Caching.CacheOptions>>(),
            sp.GetRequiredService<ILogger<MarketHistory>>()));
        services.AddSingleton<UptimeService>();
        return services;
    }
}
