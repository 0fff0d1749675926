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
        var http = context.HttpContext;
        var settings = store.Current;
        string? token = settings.Secrets[Features.AdminToken.Variables[0]];
        string? presented = Presented(http.Request.Headers.Authorization.ToString());

        if (presented is not null && token is not null)
        {
            return Matches(presented, token)
                ? await next(context)
                : ApiProblems.Forbidden("the bearer token is not the configured admin token");
        }

        if (settings.AdminAllowLoopback && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            return await next(context);
        }

        if (token is null)
        {
            return ApiProblems.Forbidden("this call changes state; from other machines it needs ADMIN_TOKEN to be "
                + "configured and sent as Authorization: Bearer <token>");
        }

        http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return TypedResults.Problem(
            detail: "this call changes state and needs Authorization: Bearer <admin token>",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized");
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
