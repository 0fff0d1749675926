using CoinSource.SafeHttp;
using CoinSource.Sources.Binance;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Sources;

public sealed class BinanceSourceTests
{
    private static readonly AssetPair BtcUsdt = new("BTC", "USDT");

    [Fact]
    public void Sample_Klines_TenMinuteCandlesWithTheirValues()
    {
        using var sample = Samples.Json("binance__klines.json");

        var candles = BinanceSource.ParseKlines(sample.RootElement, Samples.Now);

        Assert.Equal(10, candles.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1634943780000), candles[0].OpenTime);
        Assert.Equal(60685.22m, candles[0].Open);
        Assert.Equal(60729.84m, candles[0].High);
        Assert.Equal(60670.90m, candles[0].Low);
        Assert.Equal(60719.27m, candles[0].Close);
        Assert.Equal(21.63272m, candles[0].Volume);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1634944320000), candles[^1].OpenTime);
        Assert.Equal(60739.85m, candles[^1].Open);
        Assert.Equal(60739.85m, candles[^1].Close);
    }

    [Fact]
    public void Sample_Ticker24hr_PriceRangeChangeAndCloseTime()
    {
        // Recorded through ccxt-python: closeTime is a string here where the wire sends a number; both are read.
        using var sample = Samples.Json("binance__ticker_24hr_single__ccxt_stringified.json");

        var quote = BinanceSource.ParseTicker(sample.RootElement, BtcUsdt, Samples.Now);

        Assert.Equal(73369.84m, quote.Price);
        Assert.Equal(1.647m, quote.Change24hPercent);
        Assert.Equal(73650.25m, quote.High24h);
        Assert.Equal(68620.82m, quote.Low24h);
        Assert.Equal(72140.348628m, quote.Volume24h);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1710328245391), quote.Timestamp);
    }

    [Fact]
    public void Sample_TickerPrice_NotAnErrorButNotTheVariantTheAdapterReads()
    {
        // /ticker/price answers {"symbol","price"}; the adapter asks /ticker/24hr and must not take this for it.
        using var sample = Samples.Json("binance__ticker_price_single.json");

        var ex = Assert.Throws<InvalidUpstreamDataException>(
            () => BinanceSource.ParseTicker(sample.RootElement, BtcUsdt, Samples.Now));

        Assert.Null(BinanceSource.ReadError(sample.RootElement, 200));
        Assert.Equal("60740.00000000", sample.RootElement.GetProperty("price").GetString());
        Assert.Contains("'lastPrice' is missing", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(200)]
    public void Sample_ErrorInvalidSymbol_NotListed(int status)
    {
        using var sample = Samples.Json("binance__error_invalid_symbol.json");

        var failure = BinanceSource.ReadError(sample.RootElement, status);

        Assert.Equal(FailureKind.NotListed, failure?.Kind);
        Assert.Contains("Invalid symbol.", failure!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadError_RecordedSuccessBodies_AreNotErrors()
    {
        using var klines = Samples.Json("binance__klines.json");
        using var ticker = Samples.Json("binance__ticker_24hr_single__ccxt_stringified.json");

        Assert.Null(BinanceSource.ReadError(klines.RootElement, 200));
        Assert.Null(BinanceSource.ReadError(ticker.RootElement, 200));
    }
}
