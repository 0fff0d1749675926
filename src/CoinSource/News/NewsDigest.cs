using CoinSource.Caching;

namespace CoinSource.News;

/// <summary>The merged headlines, and what each feed answered (for the meta and the decision trace).</summary>
public sealed record NewsDigest(IReadOnlyList<NewsStory> Stories,
    IReadOnlyList<CachedResult<IReadOnlyList<NewsItem>>> Feeds)
{
    public bool AnyFeedAnswered => Feeds.Any(f => f.HasValue);
}
