namespace CoinSource.Proof;

/// <summary>One endpoint of the API as its description gives it: method, route template, parameters.</summary>
public sealed record ApiRoute(string Method, string Template, IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> QueryParameters, bool TakesBody)
{
    /// <summary>Path parameters filled with values that name something real, so one bad value is tested alone.</summary>
    private static readonly Dictionary<string, string> ValidPathValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["symbol"] = "BTC",
        ["indicator"] = "rsi",
        ["name"] = "binance",
        ["documentName"] = "v1",
    };

    public bool IsAdministrative => Method == "POST" && (Template.Contains("/reset", StringComparison.Ordinal)
        || Template.Contains("/reload", StringComparison.Ordinal));

    public IEnumerable<string> Parameters => PathParameters.Concat(QueryParameters);

    /// <summary>
    /// The request target with <paramref name="values"/> put in (escaped unless the value is raw); path parameters
    /// without a value get a valid one, query parameters without a value are left out.
    /// </summary>
    public string Target(IReadOnlyDictionary<string, HostileValue> values)
    {
        string path = Template;
        foreach (string name in PathParameters)
        {
            string value = values.TryGetValue(name, out var hostile)
                ? hostile.Encoded
                : ValidPathValues.GetValueOrDefault(name, "x");
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        var query = QueryParameters.Where(values.ContainsKey).Select(n => $"{n}={values[n].Encoded}").ToList();
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    public override string ToString() => $"{Method} {Template}";
}
