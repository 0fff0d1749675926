using System.Globalization;
using System.Threading.RateLimiting;
using CoinSource.Configuration;
using Microsoft.AspNetCore.RateLimiting;

namespace CoinSource.Hosting;

/// <summary>
/// A request budget per client address, refilled continuously: RATE_LIMIT_PER_MINUTE tokens a minute. Over it,
/// 429 problem+json with Retry-After. Health probes, metrics and static files are not counted. With
/// RATE_LIMIT_PER_MINUTE=0 the middleware is not installed at all.
/// </summary>
public static class InboundRateLimiting
{
    public const string PolicyName = "per-client";

    public static IServiceCollection AddInboundRateLimiting(this IServiceCollection services, Settings settings)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsExempt(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetTokenBucketLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = settings.RateLimitPerMinute,
                            TokensPerPeriod = Math.Max(1, settings.RateLimitPerMinute / 60),
                            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
        });
        return services;
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase)
        || !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        int seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan wait)
            ? (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"this client is over its request budget; retry in {seconds} s",
            },
        });
    }
}
