using System.Net;
using System.Security.Cryptography;
using System.Text;
using CoinSource.Configuration;
using Microsoft.Net.Http.Headers;

namespace CoinSource.Api;

/// <summary>
/// Guards calls that change state. They are accepted from the machine itself (unless ADMIN_ALLOW_LOOPBACK=false),
/// or from anywhere with <c>Authorization: Bearer &lt;ADMIN_TOKEN&gt;</c> when a token is configured.
/// </summary>
public sealed class AdminOnlyFilter(SettingsStore store) : IEndpointFilter
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var verdict = Judge(context.HttpContext, store.Current);
        if (verdict.Allowed)
        {
            return await next(context);
        }

        if (verdict.Status == StatusCodes.Status403Forbidden)
        {
            return ApiProblems.Forbidden(verdict.Reason);
        }

        context.HttpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return TypedResults.Problem(detail: verdict.Reason, statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized");
    }

    /// <summary>
    /// Whether this caller may make administrative calls, and why (not). The pages ask the server through
    /// <c>GET /api/admin/access</c> instead of guessing.
    /// </summary>
    public static AdminVerdict Judge(HttpContext http, Settings settings)
    {
        string? token = settings.Secrets[Features.AdminToken.Variables[0]];
        string? presented = Presented(http.Request.Headers.Authorization.ToString());

        if (presented is not null && token is not null)
        {
            return Matches(presented, token)
                ? new AdminVerdict(true, StatusCodes.Status200OK, "the bearer token is the configured admin token")
                : new AdminVerdict(false, StatusCodes.Status403Forbidden,
                    "the bearer token is not the configured admin token");
        }

        if (settings.AdminAllowLoopback && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            return new AdminVerdict(true, StatusCodes.Status200OK, "the call comes from this machine");
        }

        return token is null
            ? new AdminVerdict(false, StatusCodes.Status403Forbidden, "this call changes state; from other machines "
                + "it needs ADMIN_TOKEN to be configured and sent as Authorization: Bearer <token>")
            : new AdminVerdict(false, StatusCodes.Status401Unauthorized,
                "this call changes state and needs Authorization: Bearer <admin token>");
    }

    private static string? Presented(string header) =>
        header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && header.Length > BearerPrefix.Length
            ? header[BearerPrefix.Length..].Trim()
            : null;

    /// <summary>Compares hashes in constant time, so that neither the content nor the length leaks through timing.</summary>
    private static bool Matches(string presented, string token) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>The admin rule's answer for one caller; Status is 200 when allowed, else the refusal's (401 or 403).</summary>
public sealed record AdminVerdict(bool Allowed, int Status, string Reason);
