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

    public static TheoryData<int> Periods() => [1, 2, 3, 20, 199, 500];

    // The batch paths of SMA, EMA and RSI are their own loops: fed one by one, each state must match them exactly.
    [Theory]
    [MemberData(nameof(Periods))]
    public void SmaEmaRsi_StatesFedOneByOne_EqualBatchExactly(int period)
    {
        var bars = Series.Walk(seed: 11, count: 1_000, scale: 1e6);
        var sma = Sma.Calculate(bars, period);
        var ema = Ema.Calculate(bars, period);
        var rsi = Rsi.Calculate(bars, period);
        var smaState = new Sma(period);
        var emaState = new Ema(period);
        var rsiState = new Rsi(period);

        for (int i = 0; i < bars.Length; i++)
        {
            Assert.Equal(sma[i], smaState.Add(bars[i]));
            Assert.Equal(ema[i], emaState.Add(bars[i]));
            Assert.Equal(rsi[i], rsiState.Add(bars[i]));
        }
    }

    [Fact]
    public void Sma_MissingClose_StreamingAndBatchAgree()
    {
        var bars = Series.Walk(seed: 5, count: 50);
        bars[10] = bars[10] with { Close = double.NaN };
        var batch = Sma.Calculate(bars, 4);
        var state = new Sma(4);

        for (int i = 0; i < bars.Length; i++)
        {
            Assert.Equal(batch[i], state.Add(bars[i]));
        }

        Assert.Null(batch[13].Sma);
        Assert.NotNull(batch[14].Sma);
    }
}
