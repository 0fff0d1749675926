using System.Text.Json;
using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoinSource.Tests.Browser;

/// <summary>
/// The pages in a real Chromium against the real server and the fake upstreams: what the pages show is data that
/// flowed through the product. Every test fails on any console error or warning.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>The browsers' own line for a page that holds still while it loads (cumulative layout shift).</summary>
    private const double MaxLayoutShift = 0.1;

    private FakeUpstreamServer _upstream = null!;
    private CoinSourceHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstreamServer.StartAsync();
        _host = CoinSourceHost.AtMarketTime(_upstream);
        _client = _host.Client();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("/", "dashboard")]
    [InlineData("/system-monitor", "system-monitor")]
    [InlineData("/sources", "sources")]
    public async Task Page_LoadsAtPhoneAndDesktopWidth_NoConsoleProblemsNoAccessibilityViolations(string path,
        string name)
    {
        var chromium = await browser.RequireAsync();
        foreach (int width in new[] { PageSession.Desktop, PageSession.Phone })
        {
            await using var session = await PageSession.OpenAsync(chromium, _client.BaseAddress!, width);
            await session.GoAsync(path);
            await session.Page.WaitForSelectorAsync("#status-widget[data-refreshed]");
            await WaitForContentAsync(session.Page, path);

            session.AssertNoConsoleProblems();
            double shift = await session.LayoutShiftAsync();
            TestContext.Current.TestOutputHelper?.WriteLine($"{path} at {width} px: layout shift {shift:F3}");
            Assert.True(shift < MaxLayoutShift, $"{path} at {width} px: layout shift {shift:F3} while loading: "
                + await session.LayoutShiftedAsync());
            int overflow = await session.Page.EvaluateAsync<int>(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} at {width} px is wider than the screen by {overflow} px");
            await session.ScreenshotAsync($"{name}-{width}px");

            var axe = await session.Page.RunAxe();
            Assert.True(axe.Violations.Length == 0, $"{path} at {width} px: " + string.Join("\n", axe.Violations
                .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
        }
    }

    [Fact]
    public async Task ApiDocs_Load_NoConsoleProblems()
    {
        var chromium = await browser.RequireAsync();
        await using var session = await PageSession.OpenAsync(chromium, _client.BaseAddress!);

        await session.GoAsync("/docs/index.html");
        await session.Page.WaitForSelectorAsync(".opblock-tag");

        Assert.True(await session.Page.Locator(".opblock").CountAsync() > 10);
        session.AssertNoConsoleProblems();
        await session.ScreenshotAsync("api-docs");
    }

    [Fact]
    public async Task Widget_ExpandedByKeyboard_ColoursMatchSourceHealthApi()
    {
        var chromium = await browser.RequireAsync();
        _upstream.Fail("coingecko", FailureMode.ServerError);
        await _client.GetAsync(new Uri("/api/quotes/BTC", UriKind.Relative), TestContext.Current.CancellationToken);
        await using var session = await PageSession.OpenAsync(chromium, _client.BaseAddress!);
        await session.GoAsync("/sources");

        var toggle = session.Page.Locator("#status-widget > button");
        await toggle.FocusAsync();
        await session.Page.Keyboard.PressAsync("Enter");
        await session.Page.WaitForSelectorAsync("#status-details li[data-source]");
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));

        using var health = await _client.GetOkAsync("/api/source-health/status");
        var expected = health.RootElement.GetProperty("sources").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString()!);
        var shown = await session.Page.EvalOnSelectorAllAsync<string[][]>("#status-details li[data-source]",
            "items => items.map(i => [i.dataset.source, i.dataset.status, i.dataset.colour])");

        Assert.Equal(expected.Count, shown.Length);
        Assert.Contains(shown, s => s[0] == "coingecko" && s[1] == "DEGRADED" && s[2] == "yellow");
        foreach (var item in shown)
        {
            Assert.Equal(expected[item[0]], item[1]);
            Assert.Equal(ColourOf(item[1]), item[2]);
        }

        Assert.True(await session.Page.Locator("#status-details li[data-route]").CountAsync() > 0);
        session.AssertNoConsoleProblems();
        await session.ScreenshotAsync("status-widget-expanded");
    }

    [Fact]
    public async Task Monitor_DrawsOneNodePerSource_PacketMovesForARealRequest()
    {
        var chromium = await browser.RequireAsync();
        await using var session = await PageSession.OpenAsync(chromium, _client.BaseAddress!);
        await session.GoAsync("/system-monitor");
        await session.Page.WaitForSelectorAsync("#connection[data-mode='live']");

        using var health = await _client.GetOkAsync("/api/source-health/status");
        int sources = health.RootElement.GetProperty("sources").GetArrayLength();
        Assert.Equal(sources, await session.Page.Locator("[data-node^='source:']").CountAsync());
        foreach (string node in new[] { "client", "server", "database" })
        {
            Assert.Equal(1, await session.Page.Locator($"[data-node='{node}']").CountAsync());
        }

        Assert.Equal(0, await session.Page.Locator(".packet[data-message*='/api/quotes/ETH']").CountAsync());
        var waiting = session.Page.WaitForSelectorAsync(".packet[data-message*='/api/quotes/ETH']",
            new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        using var quote = await _client.GetOkAsync("/api/quotes/ETH");
        var packet = await waiting;

        Assert.Equal("success", (await packet!.GetAttributeAsync("class"))!.Split(' ')[1]);
        Assert.True(await session.Page.Locator($"[data-node='source:{quote.Source()}'][data-state='HEALTHY']")
            .CountAsync() == 1);
        await session.Page.WaitForSelectorAsync($"#activity-log li[data-kind='served']");
        session.AssertNoConsoleProblems();
        await session.ScreenshotAsync("system-monitor-live");
    }

    [Fact]
    public async Task Monitor_StreamUnavailable_PollsAndSaysSo()
    {
        var chromium = await browser.RequireAsync();
        await using var session = await PageSession.OpenAsync(chromium, _client.BaseAddress!);
        await session.Page.RouteAsync("**/api/activity/stream", route => route.AbortAsync());
        var failures = new List<string>();
        session.Page.RequestFailed += (_, request) => failures.Add(request.Url);

        await session.GoAsync("/system-monitor");
        await session.Page.WaitForSelectorAsync("#connection[data-mode='polling']");

        Assert.Contains("polling every 5 s", await session.Page.InnerTextAsync("#connection"),
            StringComparison.Ordinal);
        Assert.Contains(failures, f => f.EndsWith("/api/activity/stream", StringComparison.Ordinal));

        // A decision made now reaches the log through the poll of the recent decisions.
        Assert.Equal(0, await session.Page.Locator("#activity-log li[data-kind='served']").CountAsync());
        using var quote = await _client.GetOkAsync("/api/quotes/SOL");
        await session.Page.WaitForSelectorAsync("#activity-log li[data-kind='served']");
        Assert.Contains($"served by {quote.Source()}",
            await session.Page.InnerTextAsync("#activity-log li[data-kind='served']"), StringComparison.Ordinal);

        // No console check here: the browser rightly reports the stream this test cut off.
    }

    [Fact]
    public async Task Chart_DrawsTheCandlesTheApiReturns()
    {
        var chromium = await browser.RequireAsync();
        await using var session = await PageSession.OpenAsync(chromium, _client.BaseAddress!);
        await session.GoAsync("/");
        await session.Page.WaitForSelectorAsync("#chart[data-candles]");

        string drawnFrom = (await session.Page.GetAttributeAsync("#chart", "data-source"))!;
        using var candles = await _client.GetOkAsync(drawnFrom);
        var data = candles.Data();
        Assert.True(data.GetArrayLength() > 1);
        Assert.Equal(data.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture),
            await session.Page.GetAttributeAsync("#chart", "data-candles"));
        Assert.Equal(Seconds(data[0]), await session.Page.GetAttributeAsync("#chart", "data-first"));
        Assert.Equal(Seconds(data[data.GetArrayLength() - 1]), await session.Page.GetAttributeAsync("#chart", "data-last"));
        Assert.True(await session.Page.Locator("#chart canvas").CountAsync() > 0);
        session.AssertNoConsoleProblems();
    }

    private static string Seconds(JsonElement candle) =>
        candle.GetProperty("openTime").GetDateTimeOffset().ToUnixTimeSeconds()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ColourOf(string status) => status switch
    {
        "HEALTHY" => "green",
        "DEGRADED" => "yellow",
        "OFFLINE" => "red",
        _ => "grey",
    };

    /// <summary>Waits until the page shows what it loads, so the checks see the filled page.</summary>
    internal static async Task WaitForContentAsync(IPage page, string path)
    {
        switch (path)
        {
            case "/":
                await page.WaitForSelectorAsync("#chart[data-candles]");
                await page.WaitForSelectorAsync("#overview-notice:not(:empty)");
                await page.WaitForSelectorAsync("#news-notice:not(:empty)");
                await page.WaitForSelectorAsync("#fear-greed-notice:not(:empty)");
                await page.WaitForFunctionAsync("() => !document.querySelector('[data-sparkline] .muted')"
                    + " || [...document.querySelectorAll('[data-sparkline] .muted')].every(e => e.textContent !== '…')");
                break;
            case "/system-monitor":
                await page.WaitForSelectorAsync("[data-node='server'][data-state]");
                await page.WaitForSelectorAsync("#connection[data-mode]");
                break;
            default:
                await page.WaitForSelectorAsync("#sources-rows tr");
                break;
        }
    }
}
