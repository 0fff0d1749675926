using System.Text.Json;

namespace CoinSource.SafeHttp;

/// <summary>
/// Reads an upstream's own error envelope (Binance <c>{code,msg}</c>, Kraken <c>error[]</c>, ...). Called on every
/// JSON body, whatever its status; returns null when the body is not an error.
/// </summary>
public delegate UpstreamFailure? ErrorPayloadReader(JsonElement root, int status);

/// <summary>The body format an adapter parses.</summary>
public enum ExpectedContent
{
    Json,
    Xml,
}

/// <summary>One upstream call as an adapter describes it.</summary>
/// <param name="Source">The source's name, for reports.</param>
/// <param name="Endpoint">A short name of the upstream endpoint, for reports and metrics ("ticker", "klines").</param>
/// <param name="Uri">The absolute address.</param>
/// <param name="Expected">The content the adapter can parse.</param>
/// <param name="ReadError">The source's error envelope reader, if it has one.</param>
public sealed record UpstreamRequest(
    string Source,
    string Endpoint,
    Uri Uri,
    ExpectedContent Expected = ExpectedContent.Json,
    ErrorPayloadReader? ReadError = null)
{
    /// <summary>Extra request headers, such as an API key. Their values are never logged or reported.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>A JSON body to POST (JSON-RPC); null for a GET.</summary>
    public string? JsonBody { get; init; }
}
