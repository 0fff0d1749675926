using CoinSource.Indicators;
using CsCheck;

namespace CoinSource.Tests.Indicators;

/// <summary>
/// Random and degenerate series never give NaN or Infinity, never throw, and keep bounded oscillators within their
/// range, for any parameters.
/// </summary>
public sealed class PropertyTests
{
    private static readonly Gen<(int Seed, int Count, int Kind, double Scale, int Period)> Cases =
        Gen.Select(Gen.Int, Gen.Int[0, 160], Gen.Int[0, 3], Gen.OneOfConst(1e-8, 1e-3, 1.0, 1e6, 1e20, 7.9e27),
            Gen.Int[1, 40]);

    [Fact]
    public void AnySeries_AnyIndicator_GivesOnlyFiniteValuesOrNull()
    {
        Cases.Sample(c =>
        {
            var bars = Series.Walk(c.Seed, c.Count, scale: c.Scale, flat: c.Kind == 1, zeroVolume: c.Kind >= 2);
            foreach (var definition in IndicatorCatalog.All)
            {
                var arguments = Arguments(definition, c.Period);
                var results = definition.Calculate(bars, arguments);
                Assert.Equal(bars.Length, results.Length);
                foreach (object? result in results)
                {
                    AssertFinite(result!, definition.Name);
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void AnySeries_BoundedOscillators_StayWithinTheirRange()
    {
        Cases.Sample(c =>
        {
            var bars = Series.Walk(c.Seed, c.Count, scale: c.Scale, flat: c.Kind == 1, zeroVolume: c.Kind >= 2);
            int period = Math.Max(2, c.Period);

            Assert.All(Rsi.Calculate(bars, period), r => InRange(r.Rsi, 0, 100));
            Assert.All(Stochastic.Calculate(bars, period), r => InRange(r.K, 0, 100));
            Assert.All(WilliamsR.Calculate(bars, period), r => InRange(r.WilliamsR, -100, 0));
            Assert.All(Adx.Calculate(bars, period), r => InRange(r.Adx, 0, 100));
        }, iter: 300);
    }

    [Fact]
    public void FlatPrices_GiveTheDefinedValues()
    {
        var bars = Series.Walk(1, 60, flat: true);

        Assert.Equal(100, Rsi.Calculate(bars)[^1].Rsi);
        Assert.Null(Stochastic.Calculate(bars)[^1].K);
        Assert.Null(WilliamsR.Calculate(bars)[^1].WilliamsR);
        Assert.Null(Cci.Calculate(bars)[^1].Cci);
        Assert.Equal(0, Bollinger.Calculate(bars)[^1].Bandwidth);
        Assert.Null(Bollinger.Calculate(bars)[^1].PercentB);
        Assert.Equal(0, Adx.Calculate(bars)[^1].Adx);
        Assert.Equal(0, Atr.Calculate(bars)[^1].Atr);
    }

    [Fact]
    public void SingleCandle_GivesWarmUpNullsAndNoCrash()
    {
        var bars = Series.Walk(1, 1);

        foreach (var definition in IndicatorCatalog.All)
        {
            var results = definition.Calculate(bars, Arguments(definition, 14));
            Assert.Single(results.Cast<object>());
        }
    }

    private static IndicatorArguments Arguments(IndicatorDefinition definition, int period) =>
        new(definition.Parameters.ToDictionary(p => p.Name, p => p.Name switch
        {
            "multiplier" => 2.0,
            "fast" => period,
            "slow" => period + 1.0,
            _ => period,
        }));

    private static void InRange(double? value, double low, double high)
    {
        if (value is { } v)
        {
            Assert.InRange(v, low, high);
        }
    }

    private static void AssertFinite(object result, string name)
    {
        foreach (var property in result.GetType().GetProperties())
        {
            if (property.GetValue(result) is double value)
            {
                Assert.True(double.IsFinite(value), $"{name}.{property.Name} = {value}");
            }
        }
    }
}
