using CoinSource.Health;
using CoinSource.Market;
using CoinSource.News;

namespace CoinSource.Storage;

/// <summary>One thing to keep, queued for the background writer; a batch of them is one transaction.</summary>
public abstract record StoreWrite;

/// <summary>Candles of one pair and interval as one source served them.</summary>
public sealed record CandlesWrite(CandleSeries Series, string Source, DateTimeOffset FetchedAt,
    IReadOnlyList<Candle> Candles) : StoreWrite;

/// <summary>The last good quote of a pair.</summary>
public sealed record QuoteWrite(Quote Quote, string Source, DateTimeOffset FetchedAt) : StoreWrite;

/// <summary>A source's change of health state.</summary>
public sealed record TransitionWrite(string Source, StateTransition Transition) : StoreWrite;

/// <summary>One call to a source that counted for its health: its outcome and latency.</summary>
public sealed record AttemptWrite(string Source, DateTimeOffset At, bool Success, double LatencyMs) : StoreWrite;

/// <summary>Headlines as a feed served them.</summary>
public sealed record NewsWrite(IReadOnlyList<NewsItem> Items, DateTimeOffset FetchedAt) : StoreWrite;

/// <summary>Names a candle series: the base asset, the quote currency and the interval.</summary>
public sealed record CandleSeries(string Symbol, string QuoteCurrency, CandleInterval Interval)
{
    public override string ToString() => $"{Symbol}/{QuoteCurrency} {Interval.Name()}";
}
