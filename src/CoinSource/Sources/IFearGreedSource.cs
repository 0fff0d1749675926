using CoinSource.SafeHttp;
using CoinSource.Sentiment;

namespace CoinSource.Sources;

/// <summary>A source of the crypto Fear &amp; Greed index.</summary>
public interface IFearGreedSource : IMarketSource
{
    /// <summary>The daily readings of the last <paramref name="days"/> days, newest first.</summary>
    Task<UpstreamResult<IReadOnlyList<FearGreedReading>>> GetFearGreedAsync(int days,
        CancellationToken cancellationToken);
}
