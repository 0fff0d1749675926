using System.Net;
using System.Text.RegularExpressions;

namespace CoinSource.News;

/// <summary>
/// Turns untrusted feed text into plain text: script and style blocks and every tag are removed, entities decoded,
/// and tags removed again, since an encoded <c>&amp;lt;script&amp;gt;</c> becomes markup once decoded.
/// </summary>
public static partial class FeedText
{
    public const int MaxTitleLength = 300;
    public const int MaxSummaryLength = 500;

    public static string Plain(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        string once = StripTags(text);
        string decoded = WebUtility.HtmlDecode(once);
        string plain = Whitespace().Replace(StripTags(decoded), " ").Trim();
        return plain.Length <= maxLength ? plain : plain[..(maxLength - 3)].TrimEnd() + "...";
    }

    /// <summary>Only absolute http and https links leave CoinSource; javascript: and data: never do.</summary>
    public static Uri? WebLink(Uri? link) =>
        link is { IsAbsoluteUri: true } && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)
            ? link
            : null;

    private static string StripTags(string text) => Tag().Replace(Blocks().Replace(text, " "), " ");

    // Non-backtracking: time stays linear in the length of whatever a feed sends.
    [GeneratedRegex(@"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<iframe\b.*?</iframe\s*>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Blocks();

    [GeneratedRegex(@"<!--.*?-->|<!\[CDATA\[|\]\]>|</?[a-zA-Z!/?][^>]*>?",
        RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.NonBacktracking)]
    private static partial Regex Whitespace();
}
