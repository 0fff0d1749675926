using CoinSource.Caching;
using CoinSource.Configuration;
using CoinSource.Health;
using CoinSource.Telemetry;

namespace CoinSource.Sharing;

/// <summary>Registers the Redis pieces when the redis feature is on; without it every piece stays in-process.</summary>
public static class SharingServices
{
    public static IServiceCollection AddSharing(this IServiceCollection services, Settings settings)
    {
        string? connection = settings.Secrets[Features.Redis.Variables[0]];
        services.AddSingleton(sp => new RedisLink(settings.Sharing, connection,
            sp.GetRequiredService<ILogger<RedisLink>>()));
        if (connection is null)
        {
            return services;
        }

        services.AddSingleton<RedisSharedCache>();
        services.AddSingleton<ISharedCache>(sp => sp.GetRequiredService<RedisSharedCache>());
        services.AddSingleton<RedisHealthShare>();
        services.AddSingleton<IHealthShare>(sp => sp.GetRequiredService<RedisHealthShare>());
        services.AddSingleton<IQuotaShare, RedisQuotaShare>();
        services.AddSingleton<RedisActivityRelay>();
        services.AddSingleton<IActivityRelay>(sp => sp.GetRequiredService<RedisActivityRelay>());
        services.AddHostedService<SharingService>();
        return services;
    }
}
