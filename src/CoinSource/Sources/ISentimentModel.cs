using CoinSource.SafeHttp;
using CoinSource.Sentiment;

namespace CoinSource.Sources;

/// <summary>A sentiment model, routed and health-tracked like any source: in-process, or a hosted inference API.</summary>
public interface ISentimentModel : IMarketSource
{
    /// <summary>What the model is, in one sentence, for <c>GET /api/models</c>.</summary>
    string Description { get; }

    /// <summary>True for a model that runs inside CoinSource and needs no network.</summary>
    bool InProcess { get; }

    Task<UpstreamResult<SentimentScore>> AnalyzeAsync(string text, CancellationToken cancellationToken);
}
