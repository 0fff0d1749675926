using System.Reflection;
using CoinSource.Health;
using CoinSource.Sentiment;
using CoinSource.Sharing;
using CoinSource.Sources;
using CoinSource.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>The overall status, and the liveness and readiness probes for orchestrators.</summary>
public static class StatusEndpoints
{
    private static readonly string Version =
        typeof(StatusEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "unknown";

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", GetStatus)
            .WithTags("Status")
            .WithName("GetStatus")
            .WithSummary("Overall status: healthy, degraded or unhealthy, with source counts, uptime and version")
            .WithDescription("healthy: every enabled source HEALTHY. degraded: some source DEGRADED or OFFLINE but "
                + "every capability still has a source that is not OFFLINE, or a configured Redis is unavailable. "
                + "unhealthy: some capability has no source left that is not OFFLINE. instance names this "
                + "instance; services lists what it depends on besides its sources (Redis), with its state.");

        app.MapGet("/health/live", () => TypedResults.Ok(new ProbeAnswer("alive")))
            .WithTags("Status")
            .WithName("Liveness")
            .WithSummary("200 while the process answers");

        app.MapGet("/health/ready", GetReadiness)
            .WithTags("Status")
            .WithName("Readiness")
            .WithSummary("200 while quotes have a source that is not OFFLINE, else 503")
            .WithDescription("Readiness follows the core capability only: an instance whose news or gas sources are "
                + "all down still serves prices and should keep its traffic; /api/status reports every capability.");

        return app;
    }

    internal static Ok<StatusAnswer> GetStatus(SourceHealthTracker health, SourceCatalog catalog, ServerClock clock,
        RedisLink redis, StorageWriter storage)
    {
        var enabled = catalog.All.Where(s => catalog.IsEnabled(s.Name)).ToList();
        var states = enabled.Select(s => health.StateOf(s.Name)).ToList();
        var counts = new SourceHealthSummary(
            catalog.All.Count,
            states.Count(s => s == SourceState.Healthy),
            states.Count(s => s == SourceState.Degraded),
            states.Count(s => s == SourceState.Offline),
            catalog.All.Count - enabled.Count);

        var redisService = new ServiceStatus("redis", redis.State, redis.Problem);
        string status = UncoveredCapabilities(health, catalog).Count > 0 ? "unhealthy"
            : counts.Degraded + counts.Offline > 0 || redisService.State == "unavailable" ? "degraded"
            : "healthy";
        var models = new ModelSummary(
            catalog.Models.Count(m => catalog.IsEnabled(m.Name) && health.StateOf(m.Name) != SourceState.Offline),
            catalog.Models.Count);
        return TypedResults.Ok(new StatusAnswer(status, counts, models, Math.Round(clock.Uptime.TotalSeconds),
            clock.StartedAt, Version, redis.Instance, [redisService]) { Storage = storage.Status() });
    }

    internal static Results<Ok<ProbeAnswer>, ProblemHttpResult> GetReadiness(SourceHealthTracker health,
        SourceCatalog catalog)
    {
        var uncovered = UncoveredCapabilities(health, catalog).Where(c => c == Capability.Quote).ToList();
        return uncovered.Count == 0
            ? TypedResults.Ok(new ProbeAnswer("ready"))
            : TypedResults.Problem(
                detail: $"no source that is not OFFLINE for: {string.Join(", ", uncovered)}",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Not ready");
    }

    /// <summary>Capabilities whose every enabled source is OFFLINE.</summary>
    private static List<string> UncoveredCapabilities(SourceHealthTracker health, SourceCatalog catalog) =>
        catalog.All
            .Where(s => catalog.IsEnabled(s.Name))
            .SelectMany(s => catalog.CapabilitiesOf(s).Select(c => (Capability: c, Up: health.StateOf(s.Name) != SourceState.Offline)))
            .GroupBy(x => x.Capability)
            .Where(g => !g.Any(x => x.Up))
            .Select(g => g.Key)
            .ToList();
}

public sealed record ProbeAnswer(string Status);

public sealed record StatusAnswer(string Status, SourceHealthSummary Sources, ModelSummary Models, double UptimeSeconds,
    DateTimeOffset StartedAt, string Version, string Instance, IReadOnlyList<ServiceStatus> Services)
{
    /// <summary>The history store: backend, commits and drops since start.</summary>
    public StorageStatus? Storage { get; init; }
}

/// <summary>A service CoinSource depends on besides its sources.</summary>
/// <param name="Name">redis.</param>
/// <param name="State">off (not configured), connecting, connected, unavailable.</param>
/// <param name="Problem">Why it is unavailable; never a connection string or a password.</param>
public sealed record ServiceStatus(string Name, string State, string? Problem);
