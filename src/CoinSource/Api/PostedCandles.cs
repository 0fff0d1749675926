using CoinSource.Indicators;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>Checks candles a client posts: a size limit, sorted unique times, and the OHLC invariants.</summary>
public static class PostedCandles
{
    public static ProblemHttpResult? Check(PostedCandle[]? candles)
    {
        if (candles is null || candles.Length == 0)
        {
            return ApiProblems.BadParameter("candles", "the body must be a JSON array of at least one candle");
        }

        if (candles.Length > IndicatorEndpoints.MaxPostedCandles)
        {
            return ApiProblems.BadParameter("candles",
                $"at most {IndicatorEndpoints.MaxPostedCandles} candles, got {candles.Length}");
        }

        for (int i = 0; i < candles.Length; i++)
        {
            if (Invalid(candles[i], i > 0 ? candles[i - 1] : null) is { } problem)
            {
                return ApiProblems.BadParameter("candles", $"candle {i}: {problem}");
            }
        }

        return null;
    }

    public static Bar[] ToBars(PostedCandle[] candles)
    {
        var bars = new Bar[candles.Length];
        for (int i = 0; i < bars.Length; i++)
        {
            var c = candles[i];
            bars[i] = new Bar(c.OpenTime, (double)c.Open, (double)c.High, (double)c.Low, (double)c.Close,
                (double)c.Volume);
        }

        return bars;
    }

    private static string? Invalid(PostedCandle? candle, PostedCandle? previous)
    {
        if (candle is null)
        {
            return "is null";
        }

        if (candle.OpenTime == default)
        {
            return "openTime is missing";
        }

        if (previous is not null && candle.OpenTime <= previous.OpenTime)
        {
            return candle.OpenTime == previous.OpenTime
                ? "openTime repeats the previous candle's"
                : "openTime is before the previous candle's; candles must be sorted oldest first";
        }

        if (candle.Low < 0 || candle.Volume < 0)
        {
            return "prices and volume must not be negative";
        }

        if (candle.Low > candle.High || candle.Open < candle.Low || candle.Open > candle.High
            || candle.Close < candle.Low || candle.Close > candle.High)
        {
            return "needs low <= open, close <= high";
        }

        return null;
    }
}
