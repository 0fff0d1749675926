using CoinSource.Indicators;

namespace CoinSource.Tests.Indicators;

/// <summary>Computing one candle at a time gives exactly the batch result, for every indicator.</summary>
public sealed class StreamingTests
{
    public static TheoryData<string> Names() => [.. IndicatorCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void EachPrefix_RecomputedFromScratch_EqualsTheFullBatchAtThatCandle(string name)
    {
        var definition = IndicatorCatalog.Find(name)!;
        var arguments = new IndicatorArguments(definition.Parameters.ToDictionary(p => p.Name, p => p.Default));
        var bars = Series.Walk(seed: 7, count: 120);

        var batch = definition.Calculate(bars, arguments);

        for (int i = 1; i <= bars.Length; i++)
        {
            // A state fed only the first i candles knows nothing of later ones; its last answer is the streaming one.
            var streamed = definition.Calculate(bars[..i], arguments);
            Assert.Equal(batch.GetValue(i - 1), streamed.GetValue(i - 1));
        }
    }

    [Fact]
    public void Rsi_StateFedOneByOne_EqualsBatch()
    {
        var bars = Series.Walk(seed: 3, count: 200);
        var batch = Rsi.Calculate(bars, 14);
        var state = new Rsi(14);

        for (int i = 0; i < bars.Length; i++)
        {
            Assert.Equal(batch[i], state.Add(bars[i]));
        }
    }
}
