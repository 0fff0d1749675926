namespace CoinSource.Sources;

/// <summary>The names of the kinds of data a source can serve.</summary>
public static class Capability
{
    public const string Quote = "quote";
    public const string Candles = "candles";
    public const string TopCoins = "top-coins";
    public const string FearGreed = "fear-greed";
    public const string News = "news";
    public const string Sentiment = "sentiment";
    public const string Gas = "gas";
}
