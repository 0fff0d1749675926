namespace CoinSource.Gas;

/// <summary>Gas prices on one chain, in gwei. Tiers are null where the source gives none.</summary>
/// <param name="Chain">The chain.</param>
/// <param name="Slow">A price that gets included, eventually.</param>
/// <param name="Standard">A price that gets included within a few blocks.</param>
/// <param name="Fast">A price that gets included in the next block or two.</param>
/// <param name="BaseFee">The protocol base fee of the next block (EIP-1559 chains).</param>
/// <param name="Timestamp">When CoinSource read the prices.</param>
public sealed record GasPrice(EvmChain Chain, decimal? Slow, decimal Standard, decimal? Fast, decimal? BaseFee,
    DateTimeOffset Timestamp)
{
    public string Unit => "gwei";
}
