using System.Globalization;
using CoinSource.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>The problem+json answers CoinSource gives, each with a clear detail and never a stack trace.</summary>
public static class ApiProblems
{
    /// <summary>Retry-After when no source says when it will be back.</summary>
    public static readonly TimeSpan DefaultRetry = TimeSpan.FromSeconds(30);

    public static ProblemHttpResult BadParameter(string parameter, string message) =>
        TypedResults.Problem(
            detail: $"{parameter}: {message}",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid parameter",
            extensions: new Dictionary<string, object?>
            {
                ["parameter"] = parameter,
                ["errors"] = new Dictionary<string, string[]> { [parameter] = [message] },
            });

    public static ProblemHttpResult NotFound(string detail, IReadOnlyList<Attempt>? attempts = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            extensions: attempts is null ? null : new Dictionary<string, object?> { ["attempts"] = attempts });

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    /// <summary>503 with Retry-After: no source could answer and nothing was cached.</summary>
    public static ProblemHttpResult Unavailable(HttpContext context, string detail, IReadOnlyList<Attempt> attempts,
        DateTimeOffset? retryAt, DateTimeOffset now)
    {
        TimeSpan wait = retryAt is { } at && at > now ? at - now : DefaultRetry;
        int seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "No source available",
            extensions: new Dictionary<string, object?>
            {
                ["retryAfterSeconds"] = seconds,
                ["attempts"] = attempts,
            });
    }
}
