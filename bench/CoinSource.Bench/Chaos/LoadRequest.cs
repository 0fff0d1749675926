namespace CoinSource.Bench.Chaos;

/// <summary>One request of the load: method, path and query, and a JSON body for a POST.</summary>
public sealed record LoadRequest(HttpMethod Method, string Path, string? JsonBody);
