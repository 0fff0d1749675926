using System.Diagnostics.CodeAnalysis;

namespace CoinSource.Market;

/// <summary>The candle widths CoinSource serves.</summary>
public enum CandleInterval
{
    OneMinute,
    FiveMinutes,
    FifteenMinutes,
    OneHour,
    FourHours,
    OneDay,
}

public static class CandleIntervals
{
    public static readonly IReadOnlyList<string> Names = ["1m", "5m", "15m", "1h", "4h", "1d"];

    public static bool TryParse(string? text, [NotNullWhen(true)] out CandleInterval? interval)
    {
        int index = text is null ? -1 : Names.ToList().FindIndex(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        interval = index < 0 ? null : (CandleInterval)index;
        return interval is not null;
    }

    public static string Name(this CandleInterval interval) => Names[(int)interval];

    public static TimeSpan Duration(this CandleInterval interval) => interval switch
    {
        CandleInterval.OneMinute => TimeSpan.FromMinutes(1),
        CandleInterval.FiveMinutes => TimeSpan.FromMinutes(5),
        CandleInterval.FifteenMinutes => TimeSpan.FromMinutes(15),
        CandleInterval.OneHour => TimeSpan.FromHours(1),
        CandleInterval.FourHours => TimeSpan.FromHours(4),
        _ => TimeSpan.FromDays(1),
    };
}
