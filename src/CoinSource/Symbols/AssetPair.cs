namespace CoinSource.Symbols;

/// <summary>A base asset priced in an explicit quote currency: BTC/USD and BTC/USDT are different pairs.</summary>
public sealed record AssetPair(string Base, string Quote)
{
    public override string ToString() => $"{Base}/{Quote}";
}
