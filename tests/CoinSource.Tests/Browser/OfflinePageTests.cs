using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CoinSource.Tests.Browser;

/// <summary>
/// Every upstream unreachable: the pages say so in words, and show the last good data as stale with its age.
/// The only console lines allowed are the browser's own notes of the 503 answers the API honestly gave.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflinePageTests(BrowserFixture browser) : IAsyncLifetime
{
    private FakeUpstreamServer _upstream = null!;
    private FakeTimeProvider _clock = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _clock = new FakeTimeProvider(_upstream.Market.Now);
        _host = new CoinSourceHost(_upstream, new Dictionary<string, string?> { ["UPSTREAM_TIMEOUT_MS"] = "30000" },
            _clock);
        _client = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_EveryUpstreamDownNothingCached_SaysSoPlainly()
    {
        var chromium = await browser.RequireAsync();
        FailEverything();
        await using var session = await PageSession.OpenAsync(chromium, _client.BaseAddress!);

        await session.GoAsync("/");
        await session.Page.WaitForSelectorAsync("#overview-notice.error");
        await session.Page.WaitForSelectorAsync("#chart[data-candles='0']");

        foreach (string notice in new[] { "#overview-notice", "#chart-notice", "#fear-greed-notice", "#news-notice" })
        {
            await session.Page.WaitForSelectorAsync($"{notice}.error");
            Assert.Contains("every upstream for this is unreachable", await session.Page.InnerTextAsync(notice),
                StringComparison.Ordinal);
        }

        Assert.Equal(0, await session.Page.Locator("#overview-rows tr").CountAsync());
        session.AssertNoConsoleProblems(allowStatus: 503);
        await session.ScreenshotAsync("dashboard-offline");
    }

    [Fact]
    public async Task Dashboard_EveryUpstreamDownAfterAGoodLoad_ShowsStaleDataWithItsAge()
    {
        var chromium = await browser.RequireAsync();
        await using (var first = await PageSession.OpenAsync(chromium, _client.BaseAddress!))
        {
            await first.GoAsync("/");
            await PageTests.WaitForContentAsync(first.Page, "/");
        }

        FailEverything();
        _clock.Advance(TimeSpan.FromMinutes(10));
        await using var session = await PageSession.OpenAsync(chromium, _client.BaseAddress!);
        await session.GoAsync("/");

        foreach (string notice in new[] { "#overview-notice", "#chart-notice", "#fear-greed-notice" })
        {
            await session.Page.WaitForSelectorAsync($"{notice}.stale");
            string text = await session.Page.InnerTextAsync(notice);
            Assert.Contains("Stale: every source failed", text, StringComparison.Ordinal);
            Assert.Contains("10 min old", text, StringComparison.Ordinal);
        }

        Assert.True(await session.Page.Locator("#overview-rows tr").CountAsync() > 0);
        Assert.NotEqual("0", await session.Page.GetAttributeAsync("#chart", "data-candles"));
        session.AssertNoConsoleProblems(allowStatus: 503);
        await session.ScreenshotAsync("dashboard-stale");
    }

    private void FailEverything()
    {
        foreach (string source in _upstream.Sources)
        {
            _upstream.Fail(source, FailureMode.ServerError);
        }
    }
}
