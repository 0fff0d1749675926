namespace CoinSource.Telemetry;

/// <summary>
/// Measures every API request (route, status, latency) into <see cref="RouteStatistics"/>, and, only while someone
/// watches the live monitor, pushes it to the activity feed so that its packet can move.
/// </summary>
public sealed class RequestMonitor(RequestDelegate next, RouteStatistics statistics, ActivityFeed feed,
    TimeProvider time)
{
    /// <remarks>
    /// Installed outside the exception handler, so that a fault is measured as the 500 the caller got. The endpoint
    /// is read before the call: the exception handler clears it when it writes its answer.
    /// </remarks>
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        if (endpoint?.RoutePattern.RawText is not { } route || endpoint.Metadata.GetMetadata<NotMonitored>() is not null)
        {
            await next(context);
            return;
        }

        long started = time.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            long finished = time.GetTimestamp();
            Measure(context, endpoint, route, finished, time.GetElapsedTime(started, finished));
        }
    }

    private void Measure(HttpContext context, RouteEndpoint endpoint, string route, long finished, TimeSpan elapsed)
    {
        int status = context.Response.StatusCode;
        string method = context.Request.Method;
        statistics.Record(endpoint, method, route, status, finished, elapsed);

        if (feed.HasSubscribers)
        {
            double ms = Math.Round(elapsed.TotalMilliseconds, 1);
            string outcome = status >= 500 ? "failure" : status >= 400 ? "rejected" : "success";
            feed.PublishLive(ActivityKind.Request, $"{method} {context.Request.Path} {status}", route, outcome, ms,
                status);
        }
    }
}

/// <summary>Marks an endpoint that the request figures leave out: pages and the long-lived live stream.</summary>
public sealed class NotMonitored;
