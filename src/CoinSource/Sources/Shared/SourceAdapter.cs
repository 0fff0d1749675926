using System.Globalization;
using CoinSource.SafeHttp;
using Microsoft.Extensions.Options;

namespace CoinSource.Sources.Shared;

/// <summary>What every adapter needs: the safe client, the clock, and its configured address.</summary>
public abstract class SourceAdapter(SafeHttpClient http, TimeProvider time, IOptionsMonitor<SourceOptions> options)
    : IMarketSource
{
    public abstract string Name { get; }

    public abstract Uri DefaultBaseUrl { get; }

    protected SafeHttpClient Http { get; } = http;

    protected TimeProvider Time { get; } = time;

    /// <summary>The source's error envelope reader, when it has one.</summary>
    protected virtual ErrorPayloadReader? ErrorReader => null;

    /// <summary>The configured API key, for a source that sends it in the query rather than a header.</summary>
    protected string? ApiKey => options.Get(Name).ApiKey;

    /// <summary>How the source wants its API key sent; null for a source that takes none.</summary>
    protected virtual KeyValuePair<string, string>? KeyHeader(string apiKey) => null;

    /// <summary>Builds a request for <paramref name="path"/> below the configured base address.</summary>
    protected UpstreamRequest Request(string endpoint, string path, params (string Name, object? Value)[] query)
    {
        var settings = options.Get(Name);
        Uri baseUrl = settings.BaseUrl ?? DefaultBaseUrl;
        string root = baseUrl.AbsoluteUri.TrimEnd('/');
        var parameters = query
            .Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}");
        string queryText = string.Join('&', parameters);
        var uri = new Uri(queryText.Length == 0 ? $"{root}/{path.TrimStart('/')}" : $"{root}/{path.TrimStart('/')}?{queryText}");
        var key = settings.ApiKey is { } apiKey ? KeyHeader(apiKey) : null;
        return new UpstreamRequest(Name, endpoint, uri, ExpectedContent.Json, ErrorReader)
        {
            Headers = key is { } header ? [header] : [],
        };
    }
}
