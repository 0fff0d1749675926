namespace CoinSource.Gas;

/// <summary>Chain names as the API spells them.</summary>
public static class EvmChains
{
    public static IReadOnlyList<string> Names { get; } = ["ethereum", "polygon", "bsc"];

    public static bool TryParse(string text, out EvmChain chain)
    {
        chain = default;
        int index = Names.ToList().FindIndex(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        chain = (EvmChain)index;
        return true;
    }

    public static string Name(this EvmChain chain) => Names[(int)chain];
}
