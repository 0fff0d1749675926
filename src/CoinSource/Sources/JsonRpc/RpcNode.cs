using CoinSource.Gas;

namespace CoinSource.Sources.JsonRpc;

/// <summary>One public keyless JSON-RPC node read by <see cref="JsonRpcGasSource"/>: its source name and chain.</summary>
public sealed record RpcNode(string Name, EvmChain Chain, Uri DefaultBaseUrl)
{
    /// <summary>Every node, in priority order: two for Ethereum so that one can fail over to the other.</summary>
    public static IReadOnlyList<RpcNode> All { get; } =
    [
        new("rpc-eth-publicnode", EvmChain.Ethereum, new("https://ethereum-rpc.publicnode.com")),
        new("rpc-eth-llamarpc", EvmChain.Ethereum, new("https://eth.llamarpc.com")),
        new("rpc-polygon-publicnode", EvmChain.Polygon, new("https://polygon-bor-rpc.publicnode.com")),
        new("rpc-bsc-publicnode", EvmChain.Bsc, new("https://bsc-rpc.publicnode.com")),
    ];
}
