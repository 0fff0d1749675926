using CoinSource.SafeHttp;
using CoinSource.Sentiment;

namespace CoinSource.Sources.Lexicon;

/// <summary>The built-in lexicon model as a routable model: always available, the last fallback of every request.</summary>
public sealed class LexiconModel : ISentimentModel
{
    public const string SourceName = LexiconSentimentModel.ModelName;

    public string Name => SourceName;

    /// <summary>Never called: the model runs in process. Its settings read no address for it.</summary>
    public Uri DefaultBaseUrl { get; } = new("inproc://lexicon");

    public string Description =>
        "Built-in finance and crypto lexicon with negation and intensity handling; in process, always available";

    public bool InProcess => true;

    public Task<UpstreamResult<SentimentScore>> AnalyzeAsync(string text, CancellationToken cancellationToken) =>
        Task.FromResult(UpstreamResult<SentimentScore>.Success(LexiconSentimentModel.Analyze(text)).From("analyze"));
}
