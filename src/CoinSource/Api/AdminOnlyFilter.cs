using System.Net;

namespace CoinSource.Api;

/// <summary>Lets calls that change state through only from the machine itself.</summary>
public sealed class AdminOnlyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        IPAddress? remote = context.HttpContext.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            return ApiProblems.Forbidden("this call changes state and is accepted from the local machine only");
        }

        return await next(context);
    }
}
