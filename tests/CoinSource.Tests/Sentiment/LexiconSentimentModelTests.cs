using CoinSource.Sentiment;

namespace CoinSource.Tests.Sentiment;

public sealed class LexiconSentimentModelTests
{
    [Theory]
    [InlineData("Bitcoin surges to a record as ETF inflows jump", SentimentLabel.Bullish)]
    [InlineData("Exchange hacked, token crashes after rug pull", SentimentLabel.Bearish)]
    [InlineData("The foundation publishes its quarterly report", SentimentLabel.Neutral)]
    [InlineData("", SentimentLabel.Neutral)]
    [InlineData("Analysts turn bullish as the bull run nears an all-time high", SentimentLabel.Bullish)]
    public void Analyze_Headline_Label(string text, SentimentLabel expected) =>
        Assert.Equal(expected, LexiconSentimentModel.Analyze(text).Label);

    [Fact]
    public void Analyze_Negated_FlipsTheSign()
    {
        var plain = LexiconSentimentModel.Analyze("Dogecoin is crashing");
        var negated = LexiconSentimentModel.Analyze("Dogecoin is not crashing");
        var curly = LexiconSentimentModel.Analyze("Dogecoin isn’t crashing");

        Assert.True(plain.Score < 0);
        Assert.True(negated.Score > 0);
        Assert.Equal(negated.Score, curly.Score);
    }

    [Fact]
    public void Analyze_Intensifier_StrengthensAndDampenerWeakens()
    {
        double plain = LexiconSentimentModel.Analyze("prices drop").Score;
        double sharp = LexiconSentimentModel.Analyze("a sharp drop").Score;
        double slight = LexiconSentimentModel.Analyze("a slightly lower close").Score;

        Assert.True(sharp < plain);
        Assert.True(slight > LexiconSentimentModel.Analyze("a lower close").Score);
    }

    [Fact]
    public void Analyze_AnyText_ScoreWithinBoundsAndNamedModel()
    {
        string extreme = string.Concat(Enumerable.Repeat("crash scam fraud collapse ", 500));

        var score = LexiconSentimentModel.Analyze(extreme);

        Assert.InRange(score.Score, -1, 1);
        Assert.False(double.IsNaN(score.Score));
        Assert.Equal("lexicon", score.Model);
    }
}
