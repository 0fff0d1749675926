using System.Text.Json;
using CoinSource.Configuration;
using CoinSource.Health;
using CoinSource.Sentiment;
using CoinSource.Sharing;
using CoinSource.Sources;
using CoinSource.Storage;
using CoinSource.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CoinSource.Api;

/// <summary>
/// What the live monitor and the status widget read: the decisions as they happen (pushed as Server-Sent Events),
/// the recent ones, the server's own counters, its per-route figures, and whether this caller may administer.
/// </summary>
public static class MonitorEndpoints
{
    public const int DefaultRecent = 100;
    public const int MaxRecent = 500;

    public static IEndpointRouteBuilder MapMonitorEndpoints(this IEndpointRouteBuilder app)
    {
        var activity = app.MapGroup("/api/activity").WithTags("Monitor");
        activity.MapGet("/stream", StreamAsync)
            .WithName("StreamActivity")
            .WithSummary("Server-Sent Events: every decision and every API request as it happens")
            .WithDescription("text/event-stream; each event's data is one JSON activity event {id, at, kind, message, "
                + "source, capability, outcome, ms, status}. kind: attempt, skip, served, stale, unavailable, state, "
                + "probe, config, and request (one per answered API request: capability is its route, status its "
                + "HTTP status). Request events are sent only to live subscribers and are not kept in the recent list.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithMetadata(new NotMonitored());

        activity.MapGet("/recent", GetRecent)
            .WithName("GetRecentActivity")
            .WithSummary("The most recent decisions, oldest first")
            .WithDescription($"limit: 1 to {MaxRecent} (default {DefaultRecent}). The poll fallback of the live "
                + "monitor when the stream is not available.");

        var monitor = app.MapGroup("/api/monitor").WithTags("Monitor");
        monitor.MapGet("/summary", GetSummary)
            .WithName("GetMonitorSummary")
            .WithSummary("Live counters: requests per minute, average latency, cache hit rate, sources and models")
            .WithDescription("requestsPerMinute and averageLatencyMs cover the API requests answered in the last 60 "
                + "seconds; cacheHitRate is fresh cache hits over all cache lookups since start (null before the first).");

        monitor.MapGet("/endpoints", GetEndpoints)
            .WithName("GetEndpointFigures")
            .WithSummary("Per API route since start: calls, server and client errors, error rate, average and max ms");

        app.MapGet("/api/admin/access", GetAccess)
            .WithTags("Monitor")
            .WithName("GetAdminAccess")
            .WithSummary("Whether this caller may make administrative calls (resets, reload), and why");

        return app;
    }

    internal static async Task StreamAsync(HttpContext context, ActivityFeed feed, IOptions<JsonOptions> json,
        IHostApplicationLifetime lifetime)
    {
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted,
            lifetime.ApplicationStopping);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        // Subscribed before the first byte goes out: once the browser sees the stream open, no event is missed.
        using var subscription = feed.Subscribe();
        try
        {
            await response.WriteAsync(": connected\n\n", ending.Token);
            await response.Body.FlushAsync(ending.Token);
            await foreach (var activity in subscription.Reader.ReadAllAsync(ending.Token))
            {
                string data = JsonSerializer.Serialize(activity, json.Value.SerializerOptions);
                await response.WriteAsync($"id: {activity.Id}\ndata: {data}\n\n", ending.Token);
                await response.Body.FlushAsync(ending.Token);
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            // The subscriber went away or the server is stopping: the stream simply ends.
        }
    }

    internal static Results<Ok<IReadOnlyList<ActivityEvent>>, ProblemHttpResult> GetRecent(string? limit,
        ActivityFeed feed)
    {
        if (!QueryParsing.TryInt(limit, "limit", DefaultRecent, 1, MaxRecent, out int count, out string? error))
        {
            return ApiProblems.BadParameter("limit", error!);
        }

        return TypedResults.Ok(feed.Recent(count));
    }

    internal static Ok<MonitorSummary> GetSummary(RouteStatistics routes, CoinSourceMetrics metrics,
        SourceHealthTracker health, SourceCatalog catalog, ServerClock clock, ActivityFeed feed, RedisLink redis,
        StorageWriter storage)
    {
        var status = StatusEndpoints.GetStatus(health, catalog, clock, redis, storage).Value!;
        var (requests, averageMs) = routes.LastMinute();
        var (hits, lookups) = metrics.CacheTotals;
        return TypedResults.Ok(new MonitorSummary(
            requests,
            averageMs,
            lookups == 0 ? null : Math.Round((double)hits / lookups, 4),
            lookups,
            status.Status,
            status.Sources,
            status.Models,
            feed.HasSubscribers));
    }

    internal static Ok<IReadOnlyList<RouteFigures>> GetEndpoints(RouteStatistics routes) =>
        TypedResults.Ok(routes.Routes());

    internal static Ok<AdminAccess> GetAccess(HttpContext context, SettingsStore store)
    {
        var verdict = AdminOnlyFilter.Judge(context, store.Current);
        return TypedResults.Ok(new AdminAccess(verdict.Allowed, verdict.Reason));
    }
}

/// <summary>
/// The live monitor's counters, all measured by this server: API requests answered in the last 60 seconds and
/// their average latency (null when there were none), fresh cache hits over cache lookups since start (null before
/// the first), the overall status as in /api/status, and whether some page listens to the activity stream.
/// </summary>
public sealed record MonitorSummary(long RequestsPerMinute, double? AverageLatencyMs, double? CacheHitRate,
    long CacheLookups, string Status, SourceHealthSummary Sources, ModelSummary Models, bool LiveSubscribers);

/// <summary>Whether this caller passes the admin rule.</summary>
public sealed record AdminAccess(bool Allowed, string Reason);
