namespace CoinSource.Bench.Chaos;

/// <summary>
/// The requests the chaos run's clients send, in turn: every kind of endpoint, and for each scheduled source
/// quotes pinned to it (so that a failing source keeps getting calls even once failover puts it last).
/// </summary>
public static class LoadMix
{
    public const string AnalyzeBody = "{\"text\":\"bitcoin rallies as traders turn bullish\"}";

    private static readonly string[] Assets = ["BTC", "ETH", "SOL"];

    public static IReadOnlyList<LoadRequest> For(IReadOnlyList<(string Source, string Quote)> pinned) =>
    [
        Get("/api/quotes/BTC"),
        Get("/api/quotes/ETH-USDT"),
        Get("/api/quotes?symbols=BTC,ETH,SOL"),
        Get("/api/quotes/BTC?mode=consensus"),
        Get("/api/candles/BTC-USDT?interval=1h&limit=50"),
        Get("/api/candles/ETH-USD?interval=5m&limit=20"),
        Get("/api/coins/top?limit=10"),
        Get("/api/indicators/BTC-USDT/rsi"),
        Get("/api/indicators/BTC-USDT/summary"),
        Get("/api/news?limit=5"),
        Get("/api/sentiment/fear-greed?days=3"),
        Get("/api/gas?chain=ethereum"),
        new LoadRequest(HttpMethod.Post, "/api/sentiment/analyze", AnalyzeBody),
        Get("/api/status"),
        Get("/health/ready"),
        Get("/api/source-health/status"),
        .. pinned.SelectMany(p => Assets.Select(a => Get($"/api/quotes/{a}-{p.Quote}?source={p.Source}"))),
    ];

    private static LoadRequest Get(string path) => new(HttpMethod.Get, path, null);
}
