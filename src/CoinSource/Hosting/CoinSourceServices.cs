using System.Net;
using System.Text.Json.Serialization;
using CoinSource.Api;
using CoinSource.Caching;
using CoinSource.Configuration;
using CoinSource.Gas;
using CoinSource.Health;
using CoinSource.Market;
using CoinSource.News;
using CoinSource.Routing;
using CoinSource.SafeHttp;
using CoinSource.Sentiment;
using CoinSource.Sharing;
using CoinSource.Sources;
using CoinSource.Storage;
using CoinSource.Telemetry;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace CoinSource.Hosting;

/// <summary>Wires the request path together: endpoints, services, cache, router, sources, safe client, health.</summary>
public static class CoinSourceServices
{
    public static WebApplicationBuilder AddCoinSourceLogging(this WebApplicationBuilder builder, Settings settings)
    {
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(settings.LogLevel);

        // Framework chatter stays out of the decision log unless something is wrong.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        if (settings.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                // Without a format the JSON lines carry no time at all.
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddConsole(o => o.FormatterName = MarkedConsoleFormatter.FormatterName)
                .AddConsoleFormatter<MarkedConsoleFormatter, ConsoleFormatterOptions>();
        }

        return builder;
    }

    public static IServiceCollection AddCoinSource(this IServiceCollection services, Settings settings,
        SettingsLoader loader)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new SettingsStore(settings));
        services.AddSingleton(loader);
        services.AddSingleton<ConfigurationService>();
        services.AddSettingsMonitor((s, _) => s.Upstream);
        services.AddSettingsMonitor((s, _) => s.Health);
        services.AddSettingsMonitor((s, _) => s.Cache);
        services.AddSettingsMonitor((s, _) => s.Consensus);
        services.AddSettingsMonitor((s, name) => s.Sources.GetValueOrDefault(name) ?? new SourceOptions());

        services.AddSingleton(sp => new SafeHttpClient(CreateUpstreamClient(),
            sp.GetRequiredService<IOptionsMonitor<UpstreamOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddMarketSources();
        services.AddSingleton<CoinSourceMetrics>();
        services.AddSingleton<ActivityFeed>();
        services.AddSingleton<RouteStatistics>();
        services.AddSingleton<HealthEvents>();
        services.AddSingleton(sp =>
        {
            var sources = sp.GetRequiredService<IOptionsMonitor<SourceOptions>>();
            return new SourceHealthTracker(sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptionsMonitor<HealthOptions>>(), sp.GetRequiredService<HealthEvents>(),
                source => sources.Get(source).Budget, share: sp.GetService<IHealthShare>(),
                quotas: sp.GetService<IQuotaShare>());
        });
        services.AddHostedService<SourceProber>();
        services.AddSingleton<SourceRouter>();
        services.AddSingleton<MarketCache>();
        services.AddSingleton<MarketService>();
        services.AddSingleton<ConsensusService>();
        services.AddSingleton<FearGreedService>();
        services.AddSingleton<NewsService>();
        services.AddSingleton<SentimentService>();
        services.AddSingleton<GasService>();
        services.AddSingleton<MarketAnswers>();
        services.AddSingleton<ServerClock>();
        services.AddCoinSourceStorage(settings);

        // Several instances share cache, health, budgets and activity through Redis when it is configured.
        services.AddSharing(settings);

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CoinSourceMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "System.Net.Http")
            .AddPrometheusExporter());
        services.AddInboundRateLimiting(settings);
        services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            // Without configured origins no CORS header is sent: browsers then allow the same origin only.
            if (settings.CorsOrigins.Count > 0)
            {
                policy.WithOrigins([.. settings.CorsOrigins]).WithMethods("GET", "POST").AllowAnyHeader();
            }
        }));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsPolicy.Apply);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CoinSource";
            document.Info.Description = "One dependable API for crypto market data, gathered from many public "
                + "upstreams with validation, health tracking, failover and stale fallback. Every success carries "
                + "meta (source, cached, stale, age, attempts); every error is application/problem+json.";
            return Task.CompletedTask;
        }));
        return services;
    }

    private static void AddSettingsMonitor<T>(this IServiceCollection services, Func<Settings, string, T> select) =>
        services.AddSingleton<IOptionsMonitor<T>>(sp => new SettingsMonitor<T>(sp.GetRequiredService<SettingsStore>(), select));

    private static HttpClient CreateUpstreamClient()
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,

            // A redirect is an answer other than 200 and is reported as such, never followed blindly.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseCookies = false,
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("CoinSource/0.1 (+self-hosted market data gateway)");
        return client;
    }
}
