namespace CoinSource.FakeUpstreams;

/// <summary>
/// The headlines the fake feeds publish. Some are the same story twice (same link with tracking parameters, or the
/// same title from another publisher), some carry markup and script, some must be dropped (a javascript: link, a
/// time in the future), so that merging, deduplication and cleaning are all exercised.
/// </summary>
public static class FakeNews
{
    public static readonly FakeStory BitcoinRecord = new(
        "Bitcoin surges to record high as ETF inflows jump",
        "https://www.coindesk.com/markets/bitcoin-record?utm_source=rss", TimeSpan.FromMinutes(10),
        "<p>Bitcoin <b>rallied</b> 5% on strong demand.</p>");

    public static readonly FakeStory EtherHack = new(
        "Ether <b>slides</b> after exchange hack",
        "https://www.coindesk.com/markets/ether-hack", TimeSpan.FromMinutes(30),
        "<script>alert('x')</script>Hackers stole funds. &lt;img src=x onerror=alert(1)&gt; Ethereum fell 4%.");

    public static readonly FakeStory BitcoinRecordCopy = new(
        "Bitcoin Surges to Record High as ETF Inflows Jump!",
        "https://cointelegraph.com/news/bitcoin-record", TimeSpan.FromMinutes(12),
        "The same story, told again.");

    public static readonly FakeStory SolanaHalt = new(
        "Solana network halts block production for hours",
        "https://cointelegraph.com/news/solana-halt", TimeSpan.FromMinutes(50),
        "Validators restarted the chain.");

    public static readonly FakeStory DogeNotCrashing = new(
        "Dogecoin is not crashing, analysts say",
        "https://decrypt.co/doge-not-crashing", TimeSpan.FromMinutes(20),
        "A calm week for DOGE.");

    public static readonly FakeStory BitcoinRecordRepost = new(
        "What the record means for miners",
        "http://coindesk.com/markets/bitcoin-record/", TimeSpan.FromMinutes(5),
        "Miners weigh in.");

    public static readonly FakeStory MarketFlat = new(
        "Daily discussion: the market is flat today",
        "https://www.reddit.com/r/CryptoCurrency/comments/abc/daily", TimeSpan.FromMinutes(2),
        "<div class=\"md\"><p>Post your thoughts.</p></div>");

    public static readonly FakeStory JavascriptLink = new(
        "Click here for free coins", "javascript:alert(1)", TimeSpan.FromMinutes(1), "");

    public static readonly FakeStory FromTheFuture = new(
        "Tomorrow's headline", "https://decrypt.co/tomorrow", TimeSpan.FromDays(-2), "");

    /// <summary>The stories a merged answer holds, newest first, after dropping and deduplication.</summary>
    public static IReadOnlyList<FakeStory> Merged =>
        [MarketFlat, BitcoinRecordRepost, DogeNotCrashing, EtherHack, SolanaHalt];
}
