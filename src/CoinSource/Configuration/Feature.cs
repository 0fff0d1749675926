namespace CoinSource.Configuration;

/// <summary>
/// An optional part of CoinSource that needs configuration. When one of its variables is missing it is disabled,
/// with a warning at start; everything else runs.
/// </summary>
/// <param name="Name">Stable name used by the config API: coingecko-pro.</param>
/// <param name="Description">What it enables, in one sentence.</param>
/// <param name="Variables">The environment variables it needs, all of them.</param>
public sealed record Feature(string Name, string Description, IReadOnlyList<string> Variables)
{
    /// <summary>The source whose API key the feature's first variable holds, if any.</summary>
    public string? KeyOf { get; init; }

    /// <summary>Further sources that use the same key (one token for several hosted models).</summary>
    public IReadOnlyList<string> AlsoKeyOf { get; init; } = [];

    /// <summary>Every source whose key this feature holds.</summary>
    public IReadOnlyList<string> KeySources => KeyOf is { } first ? [first, .. AlsoKeyOf] : AlsoKeyOf;

    /// <summary>Whether <see cref="KeyOf"/> cannot run at all without the key (a paid API).</summary>
    public bool SourceNeedsKey { get; init; }
}
