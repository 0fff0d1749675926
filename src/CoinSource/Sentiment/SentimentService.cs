using CoinSource.Caching;
using CoinSource.Routing;
using CoinSource.Sources;

namespace CoinSource.Sentiment;

/// <summary>
/// Scores a text with the models through the router: the asked model first, then every other enabled model in
/// priority order, so a hosted model that fails falls back to the next and the built-in lexicon answers last.
/// </summary>
public sealed class SentimentService(SourceRouter router, SourceCatalog catalog, TimeProvider time)
{
    public const int MaxTextLength = 4000;

    public IReadOnlyList<ISentimentModel> Models => catalog.Models;

    public ISentimentModel? Find(string name) =>
        catalog.Models.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public async Task<CachedResult<SentimentScore>> AnalyzeAsync(string text, ISentimentModel? first,
        CancellationToken cancellationToken)
    {
        IEnumerable<ISentimentModel> candidates =
            first is null ? catalog.Models : [first, .. catalog.Models.Where(m => m != first)];
        var routed = await router.RouteAsync(Capability.Sentiment, $"{text.Length} characters", candidates,
            (model, t) => model.AnalyzeAsync(text, t), cancellationToken);
        return new CachedResult<SentimentScore>
        {
            Routed = routed,
            Value = routed.Value,
            Source = routed.Source,
            FetchedAt = routed.IsSuccess ? time.GetUtcNow() : null,
        };
    }
}
