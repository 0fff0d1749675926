using System.Collections.Frozen;

namespace CoinSource.Symbols;

/// <summary>The currencies a price may be quoted in. USD and the USD stablecoins are kept apart on purpose.</summary>
public static class QuoteCurrency
{
    public const string Usd = "USD";
    public const string Usdt = "USDT";
    public const string Usdc = "USDC";
    public const string Eur = "EUR";
    public const string Btc = "BTC";

    /// <summary>Longest first, so that a pair written as BTCUSDT splits at USDT and not at USD.</summary>
    public static readonly IReadOnlyList<string> All = [Usdt, Usdc, Usd, Eur, Btc];

    private static readonly FrozenSet<string> Set = All.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsSupported(string currency) => Set.Contains(currency);
}
