using CoinSource.Caching;
using CoinSource.Routing;
using CoinSource.Sources;
using Microsoft.Extensions.Options;

namespace CoinSource.Gas;

/// <summary>Gas prices of one chain through the cache and the router, across every source that serves the chain.</summary>
public sealed class GasService(
    MarketCache cache,
    SourceRouter router,
    SourceCatalog catalog,
    IOptionsMonitor<CacheOptions> options)
{
    public IEnumerable<IGasSource> Sources(EvmChain chain) => catalog.Gas.Where(s => s.Supports(chain));

    public Task<CachedResult<GasPrice>> GetAsync(EvmChain chain, CancellationToken cancellationToken) =>
        cache.GetAsync(Capability.Gas, $"gas|{chain.Name()}", options.CurrentValue.GasTtl,
            token => router.RouteAsync(Capability.Gas, chain.Name(), Sources(chain),
                (source, t) => source.GetGasAsync(chain, t), token),
            cancellationToken);
}
