using CoinSource.Api;
using CoinSource.Configuration;
using CoinSource.Health;
using CoinSource.Sources;
using CoinSource.Telemetry;

namespace CoinSource.Hosting;

/// <summary>The HTTP pipeline: errors as problem+json, metrics, the API, its description.</summary>
public static class CoinSourcePipeline
{
    public static WebApplication UseCoinSource(this WebApplication app)
    {
        app.UseSecurityHeaders();

        // Outside the exception handler, so that a fault is measured as the 500 it becomes.
        app.UseMiddleware<RequestMonitor>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCoinSourcePages();
        app.UseCors();
        if (app.Services.GetRequiredService<SettingsStore>().Current.RateLimitPerMinute > 0)
        {
            app.UseRateLimiter();
        }

        app.Services.GetRequiredService<ConfigurationService>().ReportAtStart();

        // Every source shows in the health API from the start, before its first call.
        var health = app.Services.GetRequiredService<SourceHealthTracker>();
        foreach (var source in app.Services.GetRequiredService<SourceCatalog>().All)
        {
            health.Register(source.Name);
        }

        // Only the one document exists: any other name is left to routing's 404 problem, rather than reaching the
        // document endpoint, whose own 404 is plain text.
        app.MapOpenApi("/openapi/{documentName:regex(^v1$)}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.SwaggerEndpoint("/openapi/v1.json", "CoinSource");
            o.DocumentTitle = "CoinSource API";
        });
        app.MapPrometheusScrapingEndpoint("/metrics");

        app.MapMarketEndpoints();
        app.MapIndicatorEndpoints();
        app.MapSentimentEndpoints();
        app.MapNewsEndpoints();
        app.MapGasEndpoints();
        app.MapSourceHealthEndpoints();
        app.MapStatusEndpoints();
        app.MapConfigEndpoints();
        app.MapMonitorEndpoints();
        app.MapCoinSourcePages();
        return app;
    }
}
