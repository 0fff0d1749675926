using System.Text.Json.Serialization;
using CoinSource.Health;
using CoinSource.Sources;
using CoinSource.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>The health of every source, and the operator's resets.</summary>
public static class SourceHealthEndpoints
{
    public static IEndpointRouteBuilder MapSourceHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/source-health").WithTags("Source health");

        api.MapGet("/status", GetAll)
            .WithName("GetSourceHealth")
            .WithSummary("State, counters, latency and last error of every source");

        api.MapGet("/status/{name}", GetOne)
            .WithName("GetOneSourceHealth")
            .WithSummary("State of one source, with its recent state changes");

        api.MapGet("/uptime", GetUptime)
            .WithName("GetSourceUptime")
            .WithSummary("Uptime and latency percentiles of every source over the last 24 hours and 7 days")
            .WithDescription("Computed from the stored state changes and attempts. Up means HEALTHY or DEGRADED (a "
                + "DEGRADED source still answers and takes traffic); only OFFLINE time is down. Time before a "
                + "source's first stored record is not counted: coveredSeconds says how much of the window the "
                + "figure stands on. Latency percentiles (nearest rank) are over the attempts that counted for "
                + "health, failures included.");

        api.MapPost("/reset/{name}", Reset)
            .WithName("ResetSource")
            .WithSummary("Returns one source to HEALTHY (local machine only)")
            .AddEndpointFilter<AdminOnlyFilter>();

        api.MapPost("/reset-all", ResetAll)
            .WithName("ResetAllSources")
            .WithSummary("Returns every source to HEALTHY (local machine only)")
            .AddEndpointFilter<AdminOnlyFilter>();

        return app;
    }

    internal static Ok<SourceHealthList> GetAll(SourceHealthTracker health, SourceCatalog catalog)
    {
        var sources = catalog.All.Select(s => Describe(s, health, catalog)).ToList();
        var summary = new SourceHealthSummary(
            sources.Count,
            sources.Count(s => s.Enabled && s.Health.State == SourceState.Healthy),
            sources.Count(s => s.Enabled && s.Health.State == SourceState.Degraded),
            sources.Count(s => s.Enabled && s.Health.State == SourceState.Offline),
            sources.Count(s => !s.Enabled));
        return TypedResults.Ok(new SourceHealthList(summary, sources));
    }

    internal static async Task<Results<Ok<SourceHealthView>, ProblemHttpResult>> GetOne(string name,
        SourceHealthTracker health, SourceCatalog catalog, UptimeService uptime, CancellationToken cancellationToken)
    {
        var source = catalog.Find(name);
        if (source is null)
        {
            return ApiProblems.NotFound($"no source named '{QueryParsing.Shorten(name)}'");
        }

        var history = await uptime.OneAsync(source.Name, cancellationToken);
        return TypedResults.Ok(Describe(source, health, catalog, withTransitions: true) with
        {
            Uptime24h = history?.Uptime24h,
            Uptime7d = history?.Uptime7d,
        });
    }

    internal static async Task<Results<Ok<IReadOnlyList<SourceUptime>>, ProblemHttpResult>> GetUptime(
        SourceCatalog catalog, UptimeService uptime, CancellationToken cancellationToken)
    {
        var all = await uptime.AllAsync(catalog.All.Select(s => s.Name), cancellationToken);
        return all is null
            ? TypedResults.Problem(detail: "the history store cannot be read; uptime figures need it",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable")
            : TypedResults.Ok<IReadOnlyList<SourceUptime>>([.. all.Values]);
    }

    internal static Results<Ok<SourceHealthView>, ProblemHttpResult> Reset(string name, SourceHealthTracker health,
        SourceCatalog catalog)
    {
        var source = catalog.Find(name);
        if (source is null)
        {
            return ApiProblems.NotFound($"no source named '{QueryParsing.Shorten(name)}'");
        }

        health.Reset(source.Name);
        return TypedResults.Ok(Describe(source, health, catalog));
    }

    internal static Ok<SourceHealthList> ResetAll(SourceHealthTracker health, SourceCatalog catalog)
    {
        health.ResetAll();
        return GetAll(health, catalog);
    }

    private static SourceHealthView Describe(IMarketSource source, SourceHealthTracker health, SourceCatalog catalog,
        bool withTransitions = false)
    {
        health.Register(source.Name);
        var snapshot = health.Snapshot(source.Name)!;
        return new SourceHealthView(
            source.Name,
            catalog.IsEnabled(source.Name),
            catalog.DisabledReason(source.Name),
            catalog.CapabilitiesOf(source),
            withTransitions ? snapshot : snapshot with { Transitions = [] });
    }
}

/// <summary>Counts of sources per state; disabled sources are counted apart, never as OFFLINE.</summary>
public sealed record SourceHealthSummary(int Total, int Healthy, int Degraded, int Offline, int Disabled);

public sealed record SourceHealthList(SourceHealthSummary Summary, IReadOnlyList<SourceHealthView> Sources);

/// <summary>
/// One source: whether it may take traffic (and why not), what it serves, and its health. A disabled source is
/// reported as disabled, never as OFFLINE: it was switched off, it did not fail.
/// </summary>
public sealed record SourceHealthView(string Name, bool Enabled, string? DisabledReason,
    IReadOnlyList<string> Capabilities, SourceHealthSnapshot Health)
{
    /// <summary>DISABLED for a source switched off by configuration, otherwise its health state.</summary>
    public string Status => Enabled ? Health.State.ToString().ToUpperInvariant() : "DISABLED";

    /// <summary>Uptime and latency over the last 24 hours, from the store; only in the one-source view.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UptimeWindow? Uptime24h { get; init; }

    /// <summary>Uptime and latency over the last 7 days, from the store; only in the one-source view.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UptimeWindow? Uptime7d { get; init; }
}
