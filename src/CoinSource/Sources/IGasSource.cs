using CoinSource.Gas;
using CoinSource.SafeHttp;

namespace CoinSource.Sources;

/// <summary>A source of gas prices on one or more EVM chains.</summary>
public interface IGasSource : IMarketSource
{
    bool Supports(EvmChain chain);

    Task<UpstreamResult<GasPrice>> GetGasAsync(EvmChain chain, CancellationToken cancellationToken);
}
