using System.Text.RegularExpressions;

namespace CoinSource.Sentiment;

/// <summary>
/// The built-in, in-process sentiment model: each word or phrase of <see cref="FinanceLexicon"/> adds its valence,
/// scaled by a booster or dampener just before it and flipped (and damped) within three words of a negator; the sum
/// is squashed into -1..1 as VADER does. Deterministic, needs no network, and is always available.
/// </summary>
public static partial class LexiconSentimentModel
{
    public const string ModelName = "lexicon";

    /// <summary>Scores at or beyond this distance from 0 are bullish or bearish; closer ones are neutral.</summary>
    public const double NeutralBand = 0.05;

    // VADER's constants: how much a negator damps the flipped valence, and the squashing denominator.
    private const double NegationFactor = -0.74;
    private const double Alpha = 15;
    private const int NegationReach = 3;

    public static SentimentScore Analyze(string text)
    {
        var tokens = Token().Matches(text.ToLowerInvariant().Replace('’', '\'')).Select(m => m.Value).ToList();
        double sum = 0;
        double boost = 1;
        int negatedFor = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (FinanceLexicon.Negators.Contains(tokens[i]))
            {
                negatedFor = NegationReach;
                continue;
            }

            if (FinanceLexicon.Intensifiers.TryGetValue(tokens[i], out double factor))
            {
                boost *= factor;
                continue;
            }

            var (valence, length) = Lookup(tokens, i);
            if (valence != 0)
            {
                sum += valence * boost * (negatedFor > 0 ? NegationFactor : 1);
            }

            i += length - 1;
            boost = 1;
            negatedFor = Math.Max(0, negatedFor - 1);
        }

        double score = Math.Round(sum / Math.Sqrt((sum * sum) + Alpha), 4);
        return new SentimentScore(LabelOf(score), score, ModelName);
    }

    public static SentimentLabel LabelOf(double score) =>
        score >= NeutralBand ? SentimentLabel.Bullish
        : score <= -NeutralBand ? SentimentLabel.Bearish
        : SentimentLabel.Neutral;

    /// <summary>The valence at a position and how many tokens it spans: three-word phrases first, then two, then one.</summary>
    private static (double Valence, int Length) Lookup(List<string> tokens, int at)
    {
        for (int length = 3; length >= 2; length--)
        {
            if (at + length <= tokens.Count
                && FinanceLexicon.Phrases.TryGetValue(string.Join(' ', tokens.GetRange(at, length)), out double phrase))
            {
                return (phrase, length);
            }
        }

        return (FinanceLexicon.Words.GetValueOrDefault(tokens[at]), 1);
    }

    [GeneratedRegex(@"[a-z0-9]+(?:['’-][a-z0-9]+)*", RegexOptions.NonBacktracking)]
    private static partial Regex Token();
}
