using System.Collections.Frozen;

namespace CoinSource.Sentiment;

/// <summary>
/// The built-in model's vocabulary: market and crypto words with a valence from -1 (bearish) to 1 (bullish),
/// chosen for how traders use them (a "dump" is bad news, "adoption" good), in the spirit of the Loughran-McDonald
/// finance word lists; phrases of two or three words are looked up before single words. Negators flip and damp the next words;
/// boosters and dampeners scale them.
/// </summary>
public static class FinanceLexicon
{
    public static FrozenDictionary<string, double> Words { get; } = new Dictionary<string, double>
    {
        // Price moves up and strength.
        ["surge"] = 0.8, ["surges"] = 0.8, ["surged"] = 0.8, ["soar"] = 0.8, ["soars"] = 0.8, ["soared"] = 0.8,
        ["rally"] = 0.7, ["rallies"] = 0.7, ["rallied"] = 0.7, ["jump"] = 0.6, ["jumps"] = 0.6, ["jumped"] = 0.6,
        ["gain"] = 0.5, ["gains"] = 0.5, ["gained"] = 0.5, ["rise"] = 0.5, ["rises"] = 0.5, ["rose"] = 0.5,
        ["climb"] = 0.5, ["climbs"] = 0.5, ["climbed"] = 0.5, ["rebound"] = 0.5, ["rebounds"] = 0.5,
        ["recover"] = 0.4, ["recovers"] = 0.4, ["recovery"] = 0.4, ["up"] = 0.2, ["higher"] = 0.3,
        ["bull"] = 0.6, ["bulls"] = 0.6, ["bullish"] = 0.8, ["breakout"] = 0.6, ["moon"] = 0.7, ["pump"] = 0.4,
        ["record"] = 0.4, ["outperform"] = 0.6, ["outperforms"] = 0.6, ["strong"] = 0.5, ["strength"] = 0.4,
        ["surging"] = 0.8, ["soaring"] = 0.8, ["rallying"] = 0.7, ["rising"] = 0.5, ["climbing"] = 0.5,
        ["profit"] = 0.5, ["profits"] = 0.5, ["profitable"] = 0.5, ["growth"] = 0.5, ["boom"] = 0.6,

        // Adoption, approval, good news.
        ["adoption"] = 0.6, ["approval"] = 0.6, ["approve"] = 0.5, ["approves"] = 0.6, ["approved"] = 0.6,
        ["launch"] = 0.3, ["launches"] = 0.3, ["partnership"] = 0.5, ["upgrade"] = 0.4, ["inflows"] = 0.5,
        ["inflow"] = 0.5, ["accumulate"] = 0.4, ["accumulation"] = 0.4, ["optimism"] = 0.6, ["optimistic"] = 0.6,
        ["win"] = 0.5, ["wins"] = 0.5, ["success"] = 0.6, ["successful"] = 0.6, ["support"] = 0.2,
        ["buy"] = 0.3, ["buying"] = 0.3, ["greed"] = 0.2, ["positive"] = 0.5, ["confidence"] = 0.4,

        // Price moves down and weakness.
        ["crash"] = -0.9, ["crashes"] = -0.9, ["crashed"] = -0.9, ["plunge"] = -0.8, ["plunges"] = -0.8,
        ["plunged"] = -0.8, ["plummet"] = -0.8, ["plummets"] = -0.8, ["tumble"] = -0.7, ["tumbles"] = -0.7,
        ["dump"] = -0.6, ["dumps"] = -0.6, ["drop"] = -0.5, ["drops"] = -0.5, ["dropped"] = -0.5,
        ["fall"] = -0.5, ["falls"] = -0.5, ["fell"] = -0.5, ["slide"] = -0.5, ["slides"] = -0.5, ["sink"] = -0.5,
        ["sinks"] = -0.5, ["decline"] = -0.5, ["declines"] = -0.5, ["loss"] = -0.5, ["losses"] = -0.5,
        ["down"] = -0.2, ["lower"] = -0.3, ["bear"] = -0.6, ["bears"] = -0.6, ["bearish"] = -0.8,
        ["selloff"] = -0.7, ["sell-off"] = -0.7, ["weak"] = -0.5, ["weakness"] = -0.5, ["outflows"] = -0.5,
        ["outflow"] = -0.5, ["liquidation"] = -0.6, ["liquidations"] = -0.6, ["liquidated"] = -0.6,
        ["crashing"] = -0.9, ["plunging"] = -0.8, ["tumbling"] = -0.7, ["falling"] = -0.5, ["dropping"] = -0.5,
        ["sinking"] = -0.5, ["dumping"] = -0.6, ["capitulation"] = -0.7, ["correction"] = -0.3, ["volatile"] = -0.2, ["volatility"] = -0.2,

        // Crime, failure, regulation against.
        ["hack"] = -0.8, ["hacked"] = -0.8, ["exploit"] = -0.8, ["exploited"] = -0.8, ["scam"] = -0.9,
        ["fraud"] = -0.9, ["theft"] = -0.8, ["stolen"] = -0.8, ["rug"] = -0.6, ["ponzi"] = -0.9,
        ["bankrupt"] = -0.9, ["bankruptcy"] = -0.9, ["insolvent"] = -0.9, ["collapse"] = -0.9,
        ["collapses"] = -0.9, ["collapsed"] = -0.9, ["lawsuit"] = -0.5, ["sues"] = -0.5, ["sued"] = -0.5,
        ["ban"] = -0.6, ["bans"] = -0.6, ["banned"] = -0.6, ["crackdown"] = -0.6, ["reject"] = -0.5,
        ["rejects"] = -0.5, ["rejected"] = -0.5, ["delay"] = -0.3, ["delays"] = -0.3, ["fine"] = -0.3,
        ["fined"] = -0.5, ["investigation"] = -0.4, ["probe"] = -0.3, ["warning"] = -0.4, ["warns"] = -0.4,
        ["fear"] = -0.5, ["fears"] = -0.5, ["panic"] = -0.7, ["risk"] = -0.3, ["risks"] = -0.3,
        ["sell"] = -0.3, ["selling"] = -0.3, ["negative"] = -0.5, ["concern"] = -0.4, ["concerns"] = -0.4,
        ["uncertainty"] = -0.4, ["recession"] = -0.6, ["inflation"] = -0.3, ["outage"] = -0.5, ["halt"] = -0.5,
        ["halts"] = -0.5, ["halted"] = -0.5, ["depeg"] = -0.8, ["depegged"] = -0.8,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, double> Phrases { get; } = new Dictionary<string, double>
    {
        ["all-time high"] = 0.8, ["bull run"] = 0.8, ["bull market"] = 0.7, ["short squeeze"] = 0.5,
        ["etf approval"] = 0.8, ["to the moon"] = 0.8,
        ["bear market"] = -0.7, ["rug pull"] = -0.9, ["sell off"] = -0.7, ["death cross"] = -0.6,
        ["golden cross"] = 0.6, ["flash crash"] = -0.9, ["all-time low"] = -0.8, ["under pressure"] = -0.5,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words after which the next three words count the other way, damped (VADER's factor).</summary>
    public static FrozenSet<string> Negators { get; } = new[]
    {
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "hardly", "barely",
        "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", "can't", "cannot",
        "shouldn't", "wouldn't", "fails", "failed", "unlikely",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that scale the next sentiment word: above 1 boosts, below 1 damps.</summary>
    public static FrozenDictionary<string, double> Intensifiers { get; } = new Dictionary<string, double>
    {
        ["very"] = 1.3, ["extremely"] = 1.5, ["massive"] = 1.4, ["massively"] = 1.4, ["huge"] = 1.4,
        ["sharply"] = 1.3, ["sharp"] = 1.3, ["record-breaking"] = 1.4, ["strongly"] = 1.3, ["significantly"] = 1.3,
        ["major"] = 1.2, ["slightly"] = 0.6, ["somewhat"] = 0.7, ["modest"] = 0.7, ["modestly"] = 0.7,
        ["marginally"] = 0.5, ["mildly"] = 0.6, ["briefly"] = 0.7,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
