using CoinSource.Proof;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoinSource.Tests.Proof;

/// <summary>
/// The routes to sweep: the API description's, plus any endpoint the application maps that the description
/// leaves out (with its path parameters from the route pattern), so that no endpoint escapes the sweep.
/// </summary>
public static class SweptRoutes
{
    public static async Task<IReadOnlyList<ApiRoute>> OfAsync(IServiceProvider services, HttpClient client)
    {
        var described = await ApiSurface.DiscoverAsync(client, TestContext.Current.CancellationToken);
        var known = described.Select(r => (r.Method, r.Template)).ToHashSet();
        List<ApiRoute> routes = [.. described];
        foreach (var (method, endpoint) in Mapped(services))
        {
            string template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (known.Add((method, template)))
            {
                routes.Add(new ApiRoute(method, template, [.. endpoint.RoutePattern.Parameters.Select(p => p.Name)],
                    [], TakesBody: method == "POST"));
            }
        }

        return routes;
    }

    /// <summary>Every route endpoint the application maps, one entry per HTTP method.</summary>
    public static IEnumerable<(string Method, RouteEndpoint Endpoint)> Mapped(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, e)));
}
