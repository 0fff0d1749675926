using System.Globalization;
using CoinSource.Market;
using CoinSource.Sources.Shared;
using CoinSource.Symbols;

namespace CoinSource.Tests.Sources;

public sealed class CandleSpanTests
{
    private static readonly AssetPair BtcUsd = new("BTC", "USD");
    private static readonly DateTimeOffset Now = At("2025-11-24T12:34:56Z");

    [Fact]
    public void For_StartBetweenBuckets_FirstBucketAfterItAndLimitMinusOneWidthsOn()
    {
        var query = new CandleQuery(BtcUsd, CandleInterval.FifteenMinutes, 10, At("2025-11-20T10:07:00Z"), null);

        var span = CandleSpan.For(query, 300, Now);

        Assert.Equal(At("2025-11-20T10:15:00Z"), span.First);
        Assert.Equal(At("2025-11-20T12:30:00Z"), span.Last);
    }

    [Fact]
    public void For_LimitAbovePage_OnePageOfCandles()
    {
        var query = new CandleQuery(BtcUsd, CandleInterval.OneMinute, 1000, At("2025-11-20T00:00:00Z"), null);

        var span = CandleSpan.For(query, 300, Now);

        Assert.Equal(TimeSpan.FromMinutes(299), span.Last - span.First);
    }

    [Fact]
    public void For_EndOnly_BackFromTheLastBucketBeforeIt()
    {
        var query = new CandleQuery(BtcUsd, CandleInterval.OneHour, 5, null, At("2025-11-22T12:34:00Z"));

        var span = CandleSpan.For(query, 300, Now);

        Assert.Equal(At("2025-11-22T08:00:00Z"), span.First);
        Assert.Equal(At("2025-11-22T12:00:00Z"), span.Last);
    }

    [Fact]
    public void For_NoRange_EndsAtTheBucketOpenNow()
    {
        var query = new CandleQuery(BtcUsd, CandleInterval.FourHours, 3, null, null);

        var span = CandleSpan.For(query, 300, Now);

        Assert.Equal(At("2025-11-24T04:00:00Z"), span.First);
        Assert.Equal(At("2025-11-24T12:00:00Z"), span.Last);
    }

    [Fact]
    public void For_StartNearNow_NeverPastTheCurrentBucket()
    {
        var query = new CandleQuery(BtcUsd, CandleInterval.OneDay, 100, At("2025-11-23T00:00:00Z"), null);

        var span = CandleSpan.For(query, 300, Now);

        Assert.Equal(At("2025-11-24T00:00:00Z"), span.Last);
    }

    [Fact]
    public void For_EndBeforeTheFirstBucket_OneBucketRatherThanAnInvertedRange()
    {
        var query = new CandleQuery(BtcUsd, CandleInterval.OneHour, 5, At("2025-11-20T10:30:00Z"),
            At("2025-11-20T10:45:00Z"));

        var span = CandleSpan.For(query, 300, Now);

        Assert.Equal(At("2025-11-20T11:00:00Z"), span.First);
        Assert.Equal(span.First, span.Last);
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
