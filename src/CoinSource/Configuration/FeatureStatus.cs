namespace CoinSource.Configuration;

/// <summary>Whether a feature is on, and why; which of its variables are set. Never holds a value.</summary>
public sealed record FeatureStatus(
    string Name,
    string Description,
    bool Enabled,
    string Reason,
    IReadOnlyList<string> Set,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Sources)
{
    public static FeatureStatus Of(Feature feature, IReadOnlyDictionary<string, string> secrets)
    {
        var set = feature.Variables.Where(secrets.ContainsKey).ToList();
        var missing = feature.Variables.Where(v => !secrets.ContainsKey(v)).ToList();
        bool enabled = missing.Count == 0;
        string reason = enabled
            ? $"configured: {string.Join(", ", set)}"
            : $"disabled: {string.Join(", ", missing)} not set";
        return new FeatureStatus(feature.Name, feature.Description, enabled, reason, set, missing, feature.KeySources);
    }
}
