namespace CoinSource.Configuration;

/// <summary>Every optional feature and the variables it needs. Keyless sources need none and are not listed.</summary>
public static class Features
{
    public static readonly Feature CoinGeckoPro = new("coingecko-pro",
        "CoinGecko's paid Pro API as a quote and ranking source, tried before the keyless API",
        ["COINGECKO_PRO_API_KEY"])
    {
        KeyOf = "coingecko-pro",
        SourceNeedsKey = true,
    };

    public static readonly Feature CoinGeckoDemoKey = new("coingecko-demo-key",
        "A CoinGecko Demo API key sent with keyless CoinGecko calls, for its higher rate limit",
        ["COINGECKO_DEMO_API_KEY"])
    {
        KeyOf = "coingecko",
    };

    public static readonly Feature CryptoCompareKey = new("cryptocompare-key",
        "A CryptoCompare API key sent with CryptoCompare calls, for its higher rate limit",
        ["CRYPTOCOMPARE_API_KEY"])
    {
        KeyOf = "cryptocompare",
    };

    public static readonly Feature Etherscan = new("etherscan",
        "Etherscan's gas oracle (slow, standard and fast gas prices) for Ethereum and Polygon, tried before public nodes",
        ["ETHERSCAN_API_KEY"])
    {
        KeyOf = "etherscan",
        SourceNeedsKey = true,
    };

    public static readonly Feature HuggingFace = new("huggingface",
        "Hosted sentiment models (FinBERT, CryptoBERT) through the Hugging Face inference API, asked before the lexicon",
        ["HUGGINGFACE_TOKEN"])
    {
        KeyOf = "finbert",
        AlsoKeyOf = ["cryptobert"],
        SourceNeedsKey = true,
    };

    public static readonly Feature CryptoPanic = new("cryptopanic",
        "CryptoPanic's news aggregator as one more news source, merged with the public feeds",
        ["CRYPTOPANIC_API_KEY"])
    {
        KeyOf = "cryptopanic",
        SourceNeedsKey = true,
    };

    public static readonly Feature CoinMarketCap = new("coinmarketcap",
        "CoinMarketCap's own fear and greed index as the fallback when Alternative.me's cannot be had",
        ["COINMARKETCAP_API_KEY"])
    {
        KeyOf = "coinmarketcap",
        SourceNeedsKey = true,
    };

    public static readonly Feature AdminToken = new("admin-token",
        "Administrative calls (health resets, config reload) from other machines with Authorization: Bearer <token>",
        ["ADMIN_TOKEN"]);

    // The connection string may carry a password, so it is kept and shown like any other secret.
    public static readonly Feature Redis = new("redis",
        "Several instances share cache, source health, request budgets and the activity feed through Redis",
        ["REDIS_CONNECTION_STRING"]);

    public static readonly Feature PostgreSql = new("postgresql",
        "PostgreSQL instead of the embedded SQLite file, so that several instances share one history",
        ["POSTGRES_CONNECTION_STRING"]);

    public static IReadOnlyList<Feature> All { get; } =
        [
            CoinGeckoPro, CoinGeckoDemoKey, CryptoCompareKey, Etherscan, HuggingFace, CryptoPanic, CoinMarketCap,
            AdminToken, Redis, PostgreSql,
        ];

    public static Feature? Find(string name) =>
        All.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The feature that holds a source's key, if any.</summary>
    public static Feature? KeyFeatureOf(string source) =>
        All.FirstOrDefault(f => f.KeySources.Contains(source, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every variable any feature reads: these are secrets or switches, never shown.</summary>
    public static IEnumerable<string> Variables => All.SelectMany(f => f.Variables).Distinct(StringComparer.Ordinal);
}
