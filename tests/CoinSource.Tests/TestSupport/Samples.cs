using System.Text.Json;

namespace CoinSource.Tests.TestSupport;

/// <summary>Parses the shared recorded samples and stands in for "now" when checking them.</summary>
public static class Samples
{
    /// <summary>A clock after every recording in the shared folder, so none of them is "in the future".</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static JsonDocument Json(string fileName) => JsonDocument.Parse(SharedSamples.Read(fileName));

    /// <summary>A hand-written body for the cases no recording covers (errors, invalid values).</summary>
    public static JsonDocument Inline(string json) => JsonDocument.Parse(json);
}
