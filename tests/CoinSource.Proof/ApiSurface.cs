using System.Text.Json;

namespace CoinSource.Proof;

/// <summary>
/// Every endpoint of a running server, read from its OpenAPI description at run time, so that an endpoint added
/// later is swept without anyone listing it.
/// </summary>
public static class ApiSurface
{
    public const string DescriptionPath = "/openapi/v1.json";

    public static async Task<IReadOnlyList<ApiRoute>> DiscoverAsync(HttpClient client,
        CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(DescriptionPath, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return Parse(document.RootElement);
    }

    public static IReadOnlyList<ApiRoute> Parse(JsonElement description)
    {
        List<ApiRoute> routes = [];
        foreach (var path in description.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().ToList()
                    : [];
                routes.Add(new ApiRoute(
                    operation.Name.ToUpperInvariant(),
                    path.Name,
                    [.. Named(parameters, "path")],
                    [.. Named(parameters, "query")],
                    operation.Value.TryGetProperty("requestBody", out _)));
            }
        }

        return routes;
    }

    private static IEnumerable<string> Named(List<JsonElement> parameters, string location) =>
        parameters.Where(p => p.GetProperty("in").GetString() == location)
            .Select(p => p.GetProperty("name").GetString()!);
}
