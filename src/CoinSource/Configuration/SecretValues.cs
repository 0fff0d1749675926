namespace CoinSource.Configuration;

/// <summary>
/// The values of secret variables (API keys, tokens), by variable name. Kept apart so that printing settings or a
/// debugger view never shows them: <see cref="ToString"/> says only how many there are.
/// </summary>
public sealed class SecretValues(IReadOnlyDictionary<string, string> values)
{
    public static SecretValues None { get; } = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> ByVariable => values;

    public string? this[string variable] => values.GetValueOrDefault(variable);

    public bool IsSet(string variable) => values.ContainsKey(variable);

    public override string ToString() => $"{values.Count} secret value(s)";
}
