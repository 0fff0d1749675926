using System.Text;
using System.Text.RegularExpressions;
using CoinSource.Sentiment;
using CoinSource.Symbols;

namespace CoinSource.News;

/// <summary>
/// Merges the feeds' items: newest first, one story per link and per title (feeds republish each other, and the
/// same link comes with different tracking parameters), only those that mention the asset when one is asked.
/// </summary>
public static class NewsMerge
{
    public static IReadOnlyList<NewsStory> Merge(IEnumerable<NewsItem> items, Asset? asset, int limit)
    {
        HashSet<string> seenLinks = new(StringComparer.Ordinal);
        HashSet<string> seenTitles = new(StringComparer.Ordinal);
        List<NewsStory> stories = [];
        foreach (var item in items.OrderByDescending(i => i.Published).ThenBy(i => i.Source, StringComparer.Ordinal))
        {
            if (stories.Count == limit)
            {
                break;
            }

            bool fresh = seenLinks.Add(LinkKey(item.Link)) & seenTitles.Add(TitleKey(item.Title));
            if (fresh && (asset is null || Mentions(item, asset)))
            {
                var sentiment = LexiconSentimentModel.Analyze($"{item.Title}. {item.Summary}");
                stories.Add(new NewsStory(item.Title, item.Link, item.Source, item.Publisher, item.Published,
                    item.Summary, sentiment));
            }
        }

        return stories;
    }

    public static bool Mentions(NewsItem item, Asset asset)
    {
        string text = $"{item.Title} {item.Summary}";
        return ContainsWord(text, asset.Symbol) || ContainsWord(text, asset.Name);
    }

    /// <summary>Host without www, and path: scheme, query and fragment do not make another story.</summary>
    private static string LinkKey(Uri link) =>
        (link.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? link.Host[4..] : link.Host)
            .ToLowerInvariant() + link.AbsolutePath.TrimEnd('/');

    private static string TitleKey(string title)
    {
        var key = new StringBuilder(title.Length);
        foreach (char c in title.Where(char.IsLetterOrDigit))
        {
            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    private static bool ContainsWord(string text, string word) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
