using System.Collections.Frozen;

namespace CoinSource.Symbols;

/// <summary>
/// Names of the assets most asked for, so that "bitcoin", "BTC" and "XBT" mean the same thing and the
/// aggregators that need an id (CoinGecko, CoinPaprika) can be asked. A ticker that is not listed here still
/// works with the exchanges, which use tickers directly.
/// </summary>
public static class AssetCatalog
{
    private static readonly Asset[] Known =
    [
        new("BTC", "Bitcoin", "bitcoin", "btc-bitcoin"),
        new("ETH", "Ethereum", "ethereum", "eth-ethereum"),
        new("USDT", "Tether", "tether", "usdt-tether"),
        new("BNB", "BNB", "binancecoin", "bnb-binance-coin"),
        new("SOL", "Solana", "solana", "sol-solana"),
        new("XRP", "XRP", "ripple", "xrp-xrp"),
        new("USDC", "USD Coin", "usd-coin", "usdc-usd-coin"),
        new("ADA", "Cardano", "cardano", "ada-cardano"),
        new("DOGE", "Dogecoin", "dogecoin", "doge-dogecoin"),
        new("TRX", "TRON", "tron", "trx-tron"),
        new("TON", "Toncoin", "the-open-network", "ton-toncoin"),
        new("AVAX", "Avalanche", "avalanche-2", "avax-avalanche"),
        new("DOT", "Polkadot", "polkadot", "dot-polkadot"),
        new("LINK", "Chainlink", "chainlink", "link-chainlink"),
        new("MATIC", "Polygon", "matic-network", "matic-polygon"),
        new("POL", "POL (ex-MATIC)", "polygon-ecosystem-token", "pol-polygon-ecosystem-token"),
        new("LTC", "Litecoin", "litecoin", "ltc-litecoin"),
        new("BCH", "Bitcoin Cash", "bitcoin-cash", "bch-bitcoin-cash"),
        new("SHIB", "Shiba Inu", "shiba-inu", "shib-shiba-inu"),
        new("XLM", "Stellar", "stellar", "xlm-stellar"),
        new("ATOM", "Cosmos", "cosmos", "atom-cosmos"),
        new("UNI", "Uniswap", "uniswap", "uni-uniswap"),
        new("XMR", "Monero", "monero", "xmr-monero"),
        new("ETC", "Ethereum Classic", "ethereum-classic", "etc-ethereum-classic"),
        new("FIL", "Filecoin", "filecoin", "fil-filecoin"),
        new("APT", "Aptos", "aptos", "apt-aptos"),
        new("ARB", "Arbitrum", "arbitrum", "arb-arbitrum"),
        new("OP", "Optimism", "optimism", "op-optimism"),
        new("NEAR", "NEAR Protocol", "near", "near-near-protocol"),
        new("AAVE", "Aave", "aave", "aave-new"),
        new("SUI", "Sui", "sui", "sui-sui"),
        new("PEPE", "Pepe", "pepe", "pepe-pepe"),
        new("DAI", "Dai", "dai", "dai-dai"),
        new("WBTC", "Wrapped Bitcoin", "wrapped-bitcoin", "wbtc-wrapped-bitcoin"),
        new("ALGO", "Algorand", "algorand", "algo-algorand"),
        new("XTZ", "Tezos", "tezos", "xtz-tezos"),
        new("MKR", "Maker", "maker", "mkr-maker"),
        new("HBAR", "Hedera", "hedera-hashgraph", "hbar-hedera-hashgraph"),
        new("ICP", "Internet Computer", "internet-computer", "icp-internet-computer"),
        new("EOS", "EOS", "eos", "eos-eos"),
    ];

    private static readonly FrozenDictionary<string, Asset> BySymbol =
        Known.ToFrozenDictionary(a => a.Symbol, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Asset> ByName = Known
        .SelectMany(a => new[] { (Key: a.Name, Asset: a), (Key: a.CoinGeckoId ?? a.Symbol, Asset: a) })
        .Append((Key: "XBT", Asset: BySymbol["BTC"]))
        .DistinctBy(x => x.Key, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(x => x.Key, x => x.Asset, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds an asset by ticker, name, CoinGecko id or a well-known alias.</summary>
    public static Asset? Find(string nameOrSymbol) =>
        BySymbol.GetValueOrDefault(nameOrSymbol) ?? ByName.GetValueOrDefault(nameOrSymbol);

    /// <summary>The asset for an upper-case ticker, or null when CoinSource has no ids for it.</summary>
    public static Asset? BySymbolOnly(string symbol) => BySymbol.GetValueOrDefault(symbol);
}
