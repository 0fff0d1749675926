namespace CoinSource.Indicators;

/// <summary>Every indicator the API serves, by its route name, with the usual default parameters.</summary>
public static class IndicatorCatalog
{
    private const int MaxPeriod = 500;

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new("sma", "Simple moving average", [Period(20)], a => Sma.RequiredCandles(a.Whole("period")),
            (b, a) => Sma.Calculate(b, a.Whole("period")), (r, b) => Trend(Last((SmaResult[])r).Sma, b)),
        new("ema", "Exponential moving average", [Period(20)], a => Ema.RequiredCandles(a.Whole("period")),
            (b, a) => Ema.Calculate(b, a.Whole("period")), (r, b) => Trend(Last((EmaResult[])r).Ema, b)),
        new("wma", "Weighted moving average", [Period(20)], a => Wma.RequiredCandles(a.Whole("period")),
            (b, a) => Wma.Calculate(b, a.Whole("period")), (r, b) => Trend(Last((WmaResult[])r).Wma, b)),
        new("rsi", "Relative Strength Index (Wilder)", [Period(14)], a => Rsi.RequiredCandles(a.Whole("period")),
            (b, a) => Rsi.Calculate(b, a.Whole("period")), (r, _) => Band(Last((RsiResult[])r).Rsi, 30, 70)),
        new("macd", "MACD: line, signal, histogram", [new("fast", 12, 1, MaxPeriod), new("slow", 26, 2, MaxPeriod),
                new("signal", 9, 1, MaxPeriod)],
            a => Macd.RequiredCandles(a.Whole("slow"), a.Whole("signal")),
            (b, a) => Macd.Calculate(b, a.Whole("fast"), a.Whole("slow"), a.Whole("signal")),
            (r, _) => Direction(Last((MacdResult[])r).Histogram))
        {
            Check = a => a.Whole("fast") < a.Whole("slow") ? null : ("fast", "must be less than slow"),
        },
        new("bollinger", "Bollinger Bands with BandWidth and %B",
            [Period(20), new("multiplier", 2, 0.01, 10, WholeNumber: false)],
            a => Bollinger.RequiredCandles(a.Whole("period")),
            (b, a) => Bollinger.Calculate(b, a.Whole("period"), a.Real("multiplier")),
            (r, _) => Band(Last((BollingerResult[])r).PercentB, 0, 1)),
        new("atr", "Average True Range (Wilder)", [Period(14)], a => Atr.RequiredCandles(a.Whole("period")),
            (b, a) => Atr.Calculate(b, a.Whole("period")),
            (r, _) => Last((AtrResult[])r).Atr is null ? null : Signals.Neutral),
        new("stochastic", "Stochastic Oscillator %K, %D", [new("kPeriod", 14, 1, MaxPeriod),
                new("dPeriod", 3, 1, MaxPeriod)],
            a => Stochastic.RequiredCandles(a.Whole("kPeriod"), a.Whole("dPeriod")),
            (b, a) => Stochastic.Calculate(b, a.Whole("kPeriod"), a.Whole("dPeriod")),
            (r, _) => Band(Last((StochasticResult[])r).K, 20, 80)),
        new("stochrsi", "Stochastic RSI", [new("rsiPeriod", 14, 1, MaxPeriod), new("stochPeriod", 14, 1, MaxPeriod),
                new("kSmooth", 3, 1, MaxPeriod), new("dSmooth", 3, 1, MaxPeriod)],
            a => StochRsi.RequiredCandles(a.Whole("rsiPeriod"), a.Whole("stochPeriod"), a.Whole("kSmooth"),
                a.Whole("dSmooth")),
            (b, a) => StochRsi.Calculate(b, a.Whole("rsiPeriod"), a.Whole("stochPeriod"), a.Whole("kSmooth"),
                a.Whole("dSmooth")),
            (r, _) => Band(Last((StochRsiResult[])r).K, 20, 80)),
        new("obv", "On-Balance Volume", [], _ => Obv.RequiredCandles(), (b, _) => Obv.Calculate(b), ObvSignal),
        new("vwap", "Volume-weighted average price", [], _ => Vwap.RequiredCandles(), (b, _) => Vwap.Calculate(b),
            (r, b) => Trend(Last((VwapResult[])r).Vwap, b)),
        new("adx", "Average Directional Index with +DI and -DI", [Period(14)],
            a => Adx.RequiredCandles(a.Whole("period")), (b, a) => Adx.Calculate(b, a.Whole("period")),
            (r, _) => AdxSignal(Last((AdxResult[])r))),
        new("cci", "Commodity Channel Index", [Period(20)], a => Cci.RequiredCandles(a.Whole("period")),
            (b, a) => Cci.Calculate(b, a.Whole("period")), (r, _) => Band(Last((CciResult[])r).Cci, -100, 100)),
        new("williamsr", "Williams %R", [Period(14)], a => WilliamsR.RequiredCandles(a.Whole("period")),
            (b, a) => WilliamsR.Calculate(b, a.Whole("period")),
            (r, _) => Band(Last((WilliamsRResult[])r).WilliamsR, -80, -20)),
    ];

    /// <summary>How the summary reads each indicator and the whole; shown in the API description.</summary>
    public const string SignalRules =
        "Signals, from each indicator's latest value: RSI above 70 overbought, below 30 oversold; Stochastic %K and "
        + "Stochastic RSI %K above 80 overbought, below 20 oversold; Williams %R above -20 overbought, below -80 "
        + "oversold; CCI above 100 overbought, below -100 oversold; Bollinger %B above 1 overbought, below 0 oversold; "
        + "MACD histogram above 0 bullish, below 0 bearish; SMA, EMA, WMA and VWAP bullish when the close is above "
        + "them, bearish below; ADX of 25 or more bullish when +DI > -DI, bearish when -DI > +DI, neutral under 25; "
        + "OBV bullish when it rose over the last 10 candles, bearish when it fell; ATR always neutral (volatility has "
        + "no direction); anything else neutral. Overall: overbought when 3 or more indicators read overbought and "
        + "more read overbought than oversold; oversold likewise; else bullish when bullish readings outnumber "
        + "bearish ones, bearish when the reverse, neutral when even. An indicator without enough candles has no "
        + "signal and no vote.";

    public static IndicatorDefinition? Find(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static string Overall(IEnumerable<string?> signals)
    {
        var counts = signals.Where(s => s is not null).GroupBy(s => s!).ToDictionary(g => g.Key, g => g.Count());
        int overbought = counts.GetValueOrDefault(Signals.Overbought);
        int oversold = counts.GetValueOrDefault(Signals.Oversold);
        int bullish = counts.GetValueOrDefault(Signals.Bullish);
        int bearish = counts.GetValueOrDefault(Signals.Bearish);
        if (overbought >= 3 && overbought > oversold)
        {
            return Signals.Overbought;
        }

        if (oversold >= 3 && oversold > overbought)
        {
            return Signals.Oversold;
        }

        return bullish > bearish ? Signals.Bullish : bearish > bullish ? Signals.Bearish : Signals.Neutral;
    }

    private static IndicatorParameter Period(int value) => new("period", value, 1, MaxPeriod);

    private static T Last<T>(T[] results) where T : struct => results.Length == 0 ? default : results[^1];

    private static string? Band(double? value, double low, double high) => value switch
    {
        null => null,
        _ when value > high => Signals.Overbought,
        _ when value < low => Signals.Oversold,
        _ => Signals.Neutral,
    };

    private static string? Direction(double? value) => value switch
    {
        null => null,
        > 0 => Signals.Bullish,
        < 0 => Signals.Bearish,
        _ => Signals.Neutral,
    };

    private static string? Trend(double? average, Bar[] bars) =>
        average is null || bars.Length == 0 ? null : Direction(bars[^1].Close - average.Value);

    private static string? AdxSignal(AdxResult last) => last.Adx switch
    {
        null => null,
        < 25 => Signals.Neutral,
        _ => Direction(last.PlusDi - last.MinusDi),
    };

    private static string? ObvSignal(Array results, Bar[] bars)
    {
        var obv = (ObvResult[])results;
        if (obv.Length < 2)
        {
            return null;
        }

        int back = Math.Max(0, obv.Length - 11);
        return Direction(obv[^1].Obv - obv[back].Obv);
    }
}
