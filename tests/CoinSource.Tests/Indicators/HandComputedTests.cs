using CoinSource.Indicators;

namespace CoinSource.Tests.Indicators;

/// <summary>
/// Indicators without a published worked table here, checked on small series HAND-COMPUTED FROM THE DEFINITION: each
/// step of the arithmetic is written out beside the test, so a reader can redo it without the code.
/// </summary>
public sealed class HandComputedTests
{
    [Fact]
    public void Wma_Period3_WeighsTheNewestClose3()
    {
        // Weights 1, 2, 3 (oldest to newest), total 6.
        // [2]: (1*1 + 2*2 + 3*3) / 6 = 14 / 6 = 2.333333
        // [3]: (1*2 + 2*3 + 3*4) / 6 = 20 / 6 = 3.333333
        // [4]: (1*3 + 2*4 + 3*10) / 6 = 41 / 6 = 6.833333
        var results = Wma.Calculate(Reference.Closes(1, 2, 3, 4, 10), 3);

        Assert.Null(results[1].Wma);
        Reference.Near(14.0 / 6, results[2].Wma, Reference.HandComputed, "WMA[2]");
        Reference.Near(20.0 / 6, results[3].Wma, Reference.HandComputed, "WMA[3]");
        Reference.Near(41.0 / 6, results[4].Wma, Reference.HandComputed, "WMA[4]");
    }

    [Fact]
    public void Obv_AddsOnRisesSubtractsOnFallsKeepsOnEqual()
    {
        // Closes 10, 11, 11, 9, 12 with volumes 5, 7, 3, 2, 4:
        // [0] 0 (start); [1] up: 0 + 7 = 7; [2] equal: 7; [3] down: 7 - 2 = 5; [4] up: 5 + 4 = 9.
        double[] closes = [10, 11, 11, 9, 12];
        var bars = Reference.Candles(closes, closes, closes, [5, 7, 3, 2, 4]);

        var results = Obv.Calculate(bars);

        Assert.Equal([0.0, 7, 7, 5, 9], results.Select(r => r.Obv!.Value));
    }

    [Fact]
    public void Vwap_IsCumulativeTypicalPriceTimesVolumeOverVolume()
    {
        // (high, low, close, volume) -> typical (H + L + C) / 3, cumulative price*volume / cumulative volume:
        // [0] (10, 10, 10, 0):   no volume yet -> null
        // [1] (12, 8, 10, 100):  typical 10, PV 1000; 1000 / 100 = 10
        // [2] (15, 9, 12, 300):  typical 12, PV 3600; 4600 / 400 = 11.5
        // [3] (11, 9, 10, 0):    typical 10, PV 0;    4600 / 400 = 11.5 (no volume, no change)
        // [4] (14, 12, 13, 100): typical 13, PV 1300; 5900 / 500 = 11.8
        var bars = Reference.Candles([10, 12, 15, 11, 14], [10, 8, 9, 9, 12], [10, 10, 12, 10, 13],
            [0, 100, 300, 0, 100]);

        var results = Vwap.Calculate(bars);

        Assert.Null(results[0].Vwap);
        Reference.Near(10, results[1].Vwap, Reference.HandComputed, "VWAP[1]");
        Reference.Near(11.5, results[2].Vwap, Reference.HandComputed, "VWAP[2]");
        Reference.Near(11.5, results[3].Vwap, Reference.HandComputed, "VWAP[3]");
        Reference.Near(11.8, results[4].Vwap, Reference.HandComputed, "VWAP[4]");
    }

    [Fact]
    public void Adx_Period2_FollowsWildersSteps()
    {
        // (high, low, close): [0] (10, 8, 9), [1] (12, 9, 11), [2] (13, 10, 12), [3] (12, 8, 9), [4] (11, 7, 8).
        // Moves from [1]: up = H - prevH, down = prevL - L; +DM = up if up > down and up > 0, -DM likewise;
        // TR = max(H - L, |H - prevC|, |L - prevC|).
        // [1] up 2, down -1 -> +DM 2, -DM 0, TR max(3, 3, 0) = 3
        // [2] up 1, down -1 -> +DM 1, -DM 0, TR max(3, 2, 1) = 3
        //     first sums (2 moves): TR 6, +DM 3, -DM 0 -> +DI 50, -DI 0, DX 100 * 50 / 50 = 100
        // [3] up -1, down 2 -> +DM 0, -DM 2, TR max(4, 0, 4) = 4
        //     Wilder sums (sum - sum / 2 + current): TR 6 - 3 + 4 = 7, +DM 3 - 1.5 + 0 = 1.5, -DM 0 - 0 + 2 = 2
        //     +DI 150 / 7 = 21.428571, -DI 200 / 7 = 28.571429, DX 100 * 0.5 / 3.5 = 14.285714
        //     ADX = mean of the first 2 DX = (100 + 14.285714) / 2 = 57.142857
        // [4] up -1, down 1 -> +DM 0, -DM 1, TR max(4, 2, 2) = 4
        //     TR 7 - 3.5 + 4 = 7.5, +DM 1.5 - 0.75 = 0.75, -DM 2 - 1 + 1 = 2
        //     +DI 10, -DI 26.666667, DX 100 * 1.25 / 2.75 = 45.454545
        //     ADX = (57.142857 * 1 + 45.454545) / 2 = 51.298701
        var bars = Reference.Candles([10, 12, 13, 12, 11], [8, 9, 10, 8, 7], [9, 11, 12, 9, 8]);

        var results = Adx.Calculate(bars, 2);

        Reference.Near(50, results[2].PlusDi, Reference.HandComputed, "+DI[2]");
        Reference.Near(0, results[2].MinusDi, Reference.HandComputed, "-DI[2]");
        Reference.Near(100, results[2].Dx, Reference.HandComputed, "DX[2]");
        Assert.Null(results[2].Adx);
        Reference.Near(150.0 / 7, results[3].PlusDi, Reference.HandComputed, "+DI[3]");
        Reference.Near(200.0 / 7, results[3].MinusDi, Reference.HandComputed, "-DI[3]");
        Reference.Near(100.0 / 7, results[3].Dx, Reference.HandComputed, "DX[3]");
        Reference.Near(400.0 / 7, results[3].Adx, Reference.HandComputed, "ADX[3]");
        Reference.Near(10, results[4].PlusDi, Reference.HandComputed, "+DI[4]");
        Reference.Near(80.0 / 3, results[4].MinusDi, Reference.HandComputed, "-DI[4]");
        Reference.Near(500.0 / 11, results[4].Dx, Reference.HandComputed, "DX[4]");
        Reference.Near(((400.0 / 7) + (500.0 / 11)) / 2, results[4].Adx, Reference.HandComputed, "ADX[4]");
    }

    [Fact]
    public void StochRsi_SmallPeriods_FollowsTheDefinition()
    {
        // rsiPeriod 2, stochPeriod 3, kSmooth 2, dSmooth 2 on closes 10, 11, 10.5, 11.5, 11, 12, 11, 11.5, 12.5, 12.
        // Wilder RSI(2): changes +1, -0.5 -> first averages gain 0.5, loss 0.25 -> RSI[2] 100 * 0.5 / 0.75 = 66.666667
        // [3] +1:   gain (0.5 + 1) / 2 = 0.75,      loss 0.125     -> RSI 85.714286
        // [4] -0.5: gain 0.375,                    loss 0.3125    -> RSI 54.545455
        // [5] +1:   gain 0.6875,                   loss 0.15625   -> RSI 81.481481
        // [6] -1:   gain 0.34375,                  loss 0.578125  -> RSI 37.288136
        // [7] +0.5: gain 0.421875,                 loss 0.2890625 -> RSI 59.340659
        // Raw = 100 (RSI - min) / (max - min) over the last 3 RSI values:
        // [4] 54.55 is the min -> 0; [5] (81.481481 - 54.545455) / (85.714286 - 54.545455) = 86.419753;
        // [6] 37.29 is the min -> 0; [7] (59.340659 - 37.288136) / (81.481481 - 37.288136) = 49.900100
        // %K = mean of 2 raw: [5] 43.209877, [6] 43.209877, [7] 24.950050
        // %D = mean of 2 %K:  [6] 43.209877, [7] 34.079963
        var closes = Reference.Closes(10, 11, 10.5, 11.5, 11, 12, 11, 11.5, 12.5, 12);

        var results = StochRsi.Calculate(closes, 2, 3, 2, 2);

        Assert.Null(results[3].StochRsi);
        Reference.Near(0, results[4].StochRsi, Reference.HandComputed, "raw[4]");
        Assert.Null(results[4].K);
        Reference.Near(86.419753, results[5].StochRsi, Reference.HandComputed, "raw[5]");
        Reference.Near(43.209877, results[5].K, Reference.HandComputed, "%K[5]");
        Assert.Null(results[5].D);
        Reference.Near(43.209877, results[6].K, Reference.HandComputed, "%K[6]");
        Reference.Near(43.209877, results[6].D, Reference.HandComputed, "%D[6]");
        Reference.Near(49.900100, results[7].StochRsi, Reference.HandComputed, "raw[7]");
        Reference.Near(24.950050, results[7].K, Reference.HandComputed, "%K[7]");
        Reference.Near(34.079963, results[7].D, Reference.HandComputed, "%D[7]");
    }
}
