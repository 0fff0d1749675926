using CoinSource.Indicators;

namespace CoinSource.Tests.Indicators;

/// <summary>Each indicator against published worked examples; the source of every table is named beside it.</summary>
public sealed class GoldenValueTests
{
    // StockCharts ChartSchool, "Moving Averages - Simple and Exponential", cs-movavg.xls: 10-day SMA and EMA.
    private static readonly double[] MovingAverageCloses =
    [
        22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39, 22.38, 22.61, 23.36,
        24.05, 23.75, 23.83, 23.95, 23.63, 23.82, 23.87, 23.65, 23.19, 23.10, 23.33, 22.68, 23.10, 22.40, 22.17,
    ];

    // StockCharts ChartSchool, "Relative Strength Index (RSI)", cs-rsi.xls (Wilder's 14-day example).
    private static readonly double[] RsiCloses =
    [
        44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931, 46.0328,
        45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122, 46.2521, 45.7137, 46.4515,
        45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
    ];

    // investexcel.net, "How to Calculate MACD in Excel": MACD(12, 26, 9) worked spreadsheet.
    private static readonly double[] MacdCloses =
    [
        459.99, 448.85, 446.06, 450.81, 442.80, 448.97, 444.57, 441.40, 430.47, 420.05, 431.14, 425.66, 430.58,
        431.72, 437.87, 428.43, 428.35, 432.50, 443.66, 455.72, 454.49, 452.08, 452.73, 461.91, 463.58, 461.14,
        452.08, 442.66, 428.91, 429.79, 431.99, 427.72, 423.20, 426.21, 426.98, 435.69, 434.33, 429.80, 419.85,
        426.24,
    ];

    // StockCharts ChartSchool, "Bollinger Bands", cs-bollinger.xls: 20-day, 2 standard deviations.
    private static readonly double[] BollingerCloses =
    [
        86.16, 89.09, 88.78, 90.32, 89.07, 91.15, 89.44, 89.18, 86.93, 87.68, 86.96, 89.43, 89.32, 88.72, 87.45,
        87.26, 89.50, 87.90, 89.13, 90.70, 92.90, 92.98, 91.80, 92.66, 92.68, 92.30, 92.77, 92.54, 92.95, 93.20,
        91.07, 89.83, 89.74, 90.40, 90.74, 88.02, 88.09, 88.84, 90.78, 90.54, 91.39, 90.65,
    ];

    [Fact]
    public void Sma_MatchesStockChartsTable()
    {
        double[] published = [22.22, 22.21, 22.23, 22.26, 22.31, 22.42, 22.61, 22.77, 22.91];

        var results = Sma.Calculate(Reference.Closes(MovingAverageCloses), 10);

        Assert.All(results.Take(9), r => Assert.Null(r.Sma));
        for (int i = 0; i < published.Length; i++)
        {
            Reference.Near(published[i], results[i + 9].Sma, Reference.FromUnroundedInputs, $"SMA[{i + 9}]");
        }
    }

    [Fact]
    public void Obv_MatchesInvestopediaExample()
    {
        // Investopedia, "On-Balance Volume (OBV)": ten days of closes and volumes; the running total from day one
        // (which adds nothing) ends at 72,100 shares.
        double[] closes = [10, 10.15, 10.17, 10.13, 10.11, 10.15, 10.20, 10.20, 10.22, 10.21];
        double[] volumes = [25_200, 30_000, 25_600, 32_000, 23_000, 40_000, 36_000, 20_500, 23_000, 27_500];

        var results = Obv.Calculate(Reference.Candles(closes, closes, closes, volumes));

        Assert.Equal(0, results[0].Obv);
        Assert.Equal(72_100, results[^1].Obv);
        // Day eight closes unchanged, so it keeps day seven's total.
        Assert.Equal(results[6].Obv, results[7].Obv);
    }

    [Fact]
    public void Ema_MatchesStockChartsTable()
    {
        double[] published =
        [
            22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.79, 22.97, 23.13, 23.28, 23.34, 23.43, 23.51, 23.53, 23.47,
            23.40, 23.39, 23.26, 23.23, 23.08, 22.91,
        ];

        var results = Ema.Calculate(Reference.Closes(MovingAverageCloses), 10);

        Assert.All(results.Take(9), r => Assert.Null(r.Ema));
        for (int i = 0; i < published.Length; i++)
        {
            Reference.Near(published[i], results[i + 9].Ema, Reference.FromUnroundedInputs, $"EMA[{i + 9}]");
        }
    }

    [Fact]
    public void Rsi_MatchesWilderExampleAsStockChartsPublishesIt()
    {
        double[] published =
        [
            70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87,
            45.46, 37.30, 33.08, 37.77,
        ];

        var results = Rsi.Calculate(Reference.Closes(RsiCloses), 14);

        Assert.All(results.Take(14), r => Assert.Null(r.Rsi));
        for (int i = 0; i < published.Length; i++)
        {
            Reference.Near(published[i], results[i + 14].Rsi, Reference.TwoDecimals, $"RSI[{i + 14}]");
        }
    }

    [Fact]
    public void Macd_MatchesInvestExcelSpreadsheet()
    {
        var results = Macd.Calculate(Reference.Closes(MacdCloses));

        Assert.Null(results[24].Macd);
        Reference.Near(8.275269503907623, results[25].Macd, Reference.FullPrecision, "MACD[25]");
        Reference.Near(0.10298149119910249, results[31].Macd, Reference.FullPrecision, "MACD[31]");
        Assert.Null(results[32].Signal);
        Reference.Near(3.037525868733945, results[33].Signal, Reference.FullPrecision, "signal[33]");
        Reference.Near(-2.62184232825689, results[34].Macd, Reference.FullPrecision, "MACD[34]");
        Reference.Near(-4.52749455759, results[34].Histogram, Reference.FullPrecision, "histogram[34]");
        Reference.Near(-1.338100412582993, results[39].Signal, Reference.FullPrecision, "signal[39]");
    }

    [Fact]
    public void Bollinger_MatchesStockChartsTable()
    {
        double[] middle =
        [
            88.71, 89.05, 89.24, 89.39, 89.51, 89.69, 89.75, 89.91, 90.08, 90.38, 90.66, 90.86, 90.88, 90.90, 90.99,
            91.15, 91.19, 91.12, 91.17, 91.25, 91.24, 91.17, 91.05,
        ];
        double[] upper =
        [
            91.29, 91.95, 92.61, 92.93, 93.31, 93.73, 93.90, 94.26, 94.56, 94.79, 95.04, 94.91, 94.90, 94.89, 94.86,
            94.67, 94.55, 94.68, 94.57, 94.53, 94.53, 94.37, 94.15,
        ];
        double[] lower =
        [
            86.13, 86.14, 85.87, 85.85, 85.70, 85.65, 85.59, 85.56, 85.60, 85.98, 86.27, 86.82, 86.86, 86.91, 87.12,
            87.63, 87.83, 87.56, 87.76, 87.97, 87.95, 87.96, 87.95,
        ];

        var results = Bollinger.Calculate(Reference.Closes(BollingerCloses), 20, 2);

        Assert.Null(results[18].Middle);
        for (int i = 0; i < middle.Length; i++)
        {
            Reference.Near(middle[i], results[i + 19].Middle, Reference.TwoDecimals, $"middle[{i + 19}]");
            Reference.Near(upper[i], results[i + 19].Upper, Reference.TwoDecimals, $"upper[{i + 19}]");
            Reference.Near(lower[i], results[i + 19].Lower, Reference.TwoDecimals, $"lower[{i + 19}]");
        }

        // BandWidth and %B of the first window, by their definitions from the published bands 91.2919 / 86.1251.
        Reference.Near((91.2919 - 86.1251) / 88.7085, results[19].Bandwidth, 1e-5, "bandwidth[19]");
        Reference.Near((90.70 - 86.1251) / (91.2919 - 86.1251), results[19].PercentB, 1e-4, "%B[19]");
    }

    [Fact]
    public void Atr_MatchesStockChartsTable()
    {
        // StockCharts ChartSchool, "Average True Range (ATR)", cs-atr.xls: 14-day ATR of QQQ.
        double[] highs =
        [
            48.70, 48.72, 48.90, 48.87, 48.82, 49.05, 49.20, 49.35, 49.92, 50.19, 50.12, 49.66, 49.88, 50.19, 50.36,
            50.57, 50.65, 50.43, 49.63, 50.33, 50.29, 50.17, 49.32, 48.50, 48.32, 46.80, 47.80, 48.39, 48.66, 48.79,
        ];
        double[] lows =
        [
            47.79, 48.14, 48.39, 48.37, 48.24, 48.64, 48.94, 48.86, 49.50, 49.87, 49.20, 48.90, 49.43, 49.73, 49.26,
            50.09, 50.30, 49.21, 48.98, 49.61, 49.20, 49.43, 48.08, 47.64, 41.55, 44.28, 47.31, 47.20, 47.90, 47.73,
        ];
        double[] closes =
        [
            48.16, 48.61, 48.75, 48.63, 48.74, 49.03, 49.07, 49.32, 49.91, 50.13, 49.53, 49.50, 49.75, 50.03, 50.31,
            50.52, 50.41, 49.34, 49.37, 50.23, 49.24, 49.93, 48.43, 48.18, 46.57, 45.41, 47.77, 47.72, 48.62, 47.85,
        ];
        double[] published =
            [0.56, 0.59, 0.59, 0.57, 0.62, 0.62, 0.64, 0.67, 0.69, 0.78, 0.78, 1.21, 1.30, 1.38, 1.37, 1.34, 1.32];

        var results = Atr.Calculate(Reference.Candles(highs, lows, closes), 14);

        Assert.Null(results[12].Atr);
        for (int i = 0; i < published.Length; i++)
        {
            Reference.Near(published[i], results[i + 13].Atr, Reference.FromUnroundedInputs, $"ATR[{i + 13}]");
        }
    }

    [Fact]
    public void Cci_MatchesStockChartsTypicalPrices()
    {
        // StockCharts ChartSchool, "Commodity Channel Index (CCI)", cs-cci.xls typical prices; the 20-day CCI to
        // four decimals as ta4j's CCIIndicatorTest reproduces it from those prices.
        double[] typical =
        [
            23.98, 23.92, 23.79, 23.67, 23.54, 23.36, 23.65, 23.72, 24.16, 23.91, 23.81, 23.92, 23.74, 24.68, 24.94,
            24.93, 25.10, 25.12, 25.20, 25.06, 24.50, 24.31, 24.57, 24.62, 24.49, 24.37, 24.41, 24.35, 23.75, 24.09,
        ];
        double[] expected =
            [101.9185, 31.1946, 6.5578, 33.6078, 34.9686, 13.6027, -10.6789, -11.4710, -29.2567, -128.6, -72.7273];

        var results = Cci.Calculate(Reference.Closes(typical), 20);

        Assert.Null(results[18].Cci);
        for (int i = 0; i < expected.Length; i++)
        {
            Reference.Near(expected[i], results[i + 19].Cci, 0.0001 + 1e-9, $"CCI[{i + 19}]");
        }
    }

    // StockCharts ChartSchool, "Stochastic Oscillator: Fast, Slow and Full", cs-stochastic.xls: 14 days of highs and
    // lows; closes are printed only from day 14, the first %K.
    private static readonly double[] StochasticHighs =
    [
        127.01, 127.62, 126.59, 127.35, 128.17, 128.43, 127.37, 126.42, 126.90, 126.85, 125.65, 125.72, 127.16, 127.72,
        127.69, 128.22, 128.27, 128.09, 128.27, 127.74, 128.77, 129.29, 130.06, 129.12, 129.29, 128.47, 128.09, 128.65,
        129.14, 128.64,
    ];

    private static readonly double[] StochasticLows =
    [
        125.36, 126.16, 124.93, 126.09, 126.82, 126.48, 126.03, 124.83, 126.39, 125.72, 124.56, 124.57, 125.07, 126.86,
        126.63, 126.80, 126.71, 126.80, 126.13, 125.92, 126.99, 127.81, 128.47, 128.06, 127.61, 127.60, 127.00, 126.90,
        127.49, 127.40,
    ];

    private static readonly double[] StochasticCloses =
    [
        127.29, 127.18, 128.01, 127.11, 127.73, 127.06, 127.33, 128.71, 127.87, 128.58, 128.60, 127.93, 128.11, 127.60,
        127.60, 128.69, 128.27,
    ];

    // The same table's 14-day %K, from day 14.
    private static readonly double[] StochasticK =
    [
        70.44, 67.61, 89.20, 65.81, 81.75, 64.52, 74.53, 98.58, 70.10, 73.06, 73.42, 61.23, 60.96, 40.39, 40.39, 66.83,
        56.73,
    ];

    [Fact]
    public void Stochastic_MatchesStockChartsTable()
    {
        var results = Stochastic.Calculate(StochasticBars(), 14, 3);

        Assert.Null(results[12].K);
        for (int i = 0; i < StochasticK.Length; i++)
        {
            Reference.Near(StochasticK[i], results[i + 13].K, Reference.StochasticFromUnroundedPrices, $"%K[{i + 13}]");
        }

        // %D is the 3-day mean of %K by definition; here of the published %K, so the tolerance carries over.
        Assert.Null(results[14].D);
        for (int i = 2; i < StochasticK.Length; i++)
        {
            double d = (StochasticK[i - 2] + StochasticK[i - 1] + StochasticK[i]) / 3;
            Reference.Near(d, results[i + 13].D, Reference.StochasticFromUnroundedPrices, $"%D[{i + 13}]");
        }
    }

    [Fact]
    public void WilliamsR_MatchesStockChartsStochasticTableShiftedBy100()
    {
        // %R = -100 (HH - C) / (HH - LL) = %K - 100 over the same window, so the published %K gives %R.
        var results = WilliamsR.Calculate(StochasticBars(), 14);

        Assert.Null(results[12].WilliamsR);
        for (int i = 0; i < StochasticK.Length; i++)
        {
            Reference.Near(StochasticK[i] - 100, results[i + 13].WilliamsR, Reference.StochasticFromUnroundedPrices,
                $"%R[{i + 13}]");
        }
    }

    // Days before the first printed close get the midpoint: a close never enters %K before its own day.
    private static Bar[] StochasticBars() => Reference.Candles(StochasticHighs, StochasticLows,
    [
        .. StochasticHighs.Take(13).Select((h, i) => (h + StochasticLows[i]) / 2), .. StochasticCloses,
    ]);
}
