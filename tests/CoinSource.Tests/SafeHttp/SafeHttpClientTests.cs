using System.Net;
using CoinSource.FakeUpstreams;
using CoinSource.SafeHttp;
using CoinSource.Sources;
using CoinSource.Sources.Binance;
using CoinSource.Symbols;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.SafeHttp;

/// <summary>Every rejection of the safe client, each against a real HTTP server on loopback.</summary>
public sealed class SafeHttpClientTests : IAsyncLifetime
{
    private static readonly AssetPair BtcUsdt = new("BTC", "USDT");
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(400);

    private FakeUpstreamServer _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Get_Status200WithValidBody_ReturnsParsedValue()
    {
        var result = await Binance().GetQuoteAsync(BtcUsdt, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Failure?.Reason);
        Assert.Equal(50_000m, result.Value.Price);
        Assert.True(result.Bytes > 0);
        Assert.Equal("ticker/24hr", result.Endpoint);
    }

    [Theory]
    [InlineData(FailureMode.PartialContent, FailureKind.BadStatus, "HTTP 206")]
    [InlineData(FailureMode.NoContent, FailureKind.BadStatus, "HTTP 204")]
    [InlineData(FailureMode.ServerError, FailureKind.BadStatus, "HTTP 500")]
    [InlineData(FailureMode.EmptyBody, FailureKind.EmptyBody, "empty body")]
    [InlineData(FailureMode.Html, FailureKind.WrongContentType, "text/html")]
    [InlineData(FailureMode.BrokenJson, FailureKind.Unparsable, "not valid JSON")]
    [InlineData(FailureMode.ErrorPayload, FailureKind.ErrorPayload, "Binance error -1003")]
    [InlineData(FailureMode.NotListed, FailureKind.NotListed, "Invalid symbol")]
    [InlineData(FailureMode.InvalidData, FailureKind.InvalidData, "not positive")]
    [InlineData(FailureMode.Oversized, FailureKind.BodyTooLarge, "byte cap")]
    public async Task Get_UpstreamMisbehaves_FailsWithKindAndReason(FailureMode mode, FailureKind kind, string reason)
    {
        _upstream.Fail("binance", mode);

        var result = await Binance().GetQuoteAsync(BtcUsdt, TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Failure.Kind);
        Assert.Contains(reason, result.Failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FailureMode.Hang)]
    [InlineData(FailureMode.SlowBody)]
    public async Task Get_NoCompleteAnswerInTime_FailsAsTimeout(FailureMode mode)
    {
        _upstream.Fail("binance", mode);

        var result = await Binance(timeout: Short).GetQuoteAsync(BtcUsdt, TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Timeout, result.Failure!.Kind);
        Assert.Equal("no complete answer within 400 ms", result.Failure.Reason);
    }

    [Fact]
    public async Task Get_TooManyRequests_ThrottledUntilRetryAfter()
    {
        _upstream.Fail("binance", FailureMode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(90));
        var before = DateTimeOffset.UtcNow;

        var result = await Binance().GetQuoteAsync(BtcUsdt, TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Throttled, result.Failure!.Kind);
        Assert.False(result.Failure.CountsAgainstHealth);
        Assert.InRange(result.Failure.RetryAfter!.Value, before.AddSeconds(89), before.AddSeconds(95));
    }

    [Fact]
    public async Task Get_ConnectionRefused_FailsAsNetwork()
    {
        var closed = new Uri("http://127.0.0.1:1/");

        var result = await Binance(closed).GetQuoteAsync(BtcUsdt, TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Network, result.Failure!.Kind);
    }

    [Fact]
    public async Task Get_BodyJustUnderTheCap_IsAccepted()
    {
        var result = await Binance(maxBody: 600).GetQuoteAsync(BtcUsdt, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Failure?.Reason);
    }

    [Fact]
    public async Task Get_BodyOverTheCap_IsRejectedEvenWhenValid()
    {
        var result = await Binance(maxBody: 64).GetQuoteAsync(BtcUsdt, TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.BodyTooLarge, result.Failure!.Kind);
    }

    [Fact]
    public async Task Get_CallerGoesAway_CancelsTheUpstreamCall()
    {
        _upstream.Fail("binance", FailureMode.Hang);
        using var caller = new CancellationTokenSource();

        var call = Binance(timeout: TimeSpan.FromSeconds(30)).GetQuoteAsync(BtcUsdt, caller.Token);
        await Eventually.TrueAsync(() => _upstream.Calls("binance") == 1, "the upstream received the call");
        await caller.CancelAsync();
        var result = await call;

        Assert.Equal(FailureKind.Cancelled, result.Failure!.Kind);
        Assert.False(result.Failure.CountsAgainstHealth);
        await Eventually.TrueAsync(() => _upstream.Aborted("binance") == 1, "the upstream saw the call aborted");
    }

    private BinanceSource Binance(Uri? baseUrl = null, long maxBody = 4 * 1024 * 1024, TimeSpan? timeout = null)
    {
        var options = new UpstreamOptions { AttemptTimeout = timeout ?? Generous, MaxBodyBytes = maxBody };
        var http = new SafeHttpClient(new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
        }), new StaticOptions<UpstreamOptions>(options), TimeProvider.System);
        var sources = new StaticOptions<SourceOptions>(new SourceOptions { BaseUrl = baseUrl ?? _upstream.BaseUrl("binance") });
        return new BinanceSource(http, TimeProvider.System, sources);
    }
}
