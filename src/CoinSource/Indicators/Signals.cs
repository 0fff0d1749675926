namespace CoinSource.Indicators;

/// <summary>The plain-language readings of the summary.</summary>
public static class Signals
{
    public const string Overbought = "overbought";
    public const string Oversold = "oversold";
    public const string Bullish = "bullish";
    public const string Bearish = "bearish";
    public const string Neutral = "neutral";
}
