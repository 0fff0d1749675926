namespace CoinSource.Sources;

/// <summary>An upstream that CoinSource can route to. Each adapter also implements one or more capabilities.</summary>
public interface IMarketSource
{
    /// <summary>The source's stable name, lower case: binance, coingecko. Used in the API, logs and metrics.</summary>
    string Name { get; }

    /// <summary>The address used when none is configured.</summary>
    Uri DefaultBaseUrl { get; }
}
