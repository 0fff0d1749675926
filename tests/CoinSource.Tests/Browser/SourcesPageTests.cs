using CoinSource.FakeUpstreams;
using CoinSource.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace CoinSource.Tests.Browser;

/// <summary>The sources page: a failing source's state, error and cooldown, and the reset the server allows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SourcesPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Failing = "coingecko";

    private FakeUpstreamServer _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstreamServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task OfflineSource_ShowsErrorAndCooldown_ResetFromThisMachineMakesItHealthy()
    {
        var chromium = await browser.RequireAsync();
        await using var host = Host();
        using var client = host.Client();
        await MakeOfflineAsync(client);
        await using var session = await PageSession.OpenAsync(chromium, client.BaseAddress!);

        await session.GoAsync("/sources");
        await session.Page.Locator($"#sources-rows tr[data-source='{Failing}'][data-status='OFFLINE']").WaitForAsync();
        var row = session.Page.Locator($"#sources-rows tr[data-source='{Failing}']");
        string text = await row.InnerTextAsync();
        Assert.Contains("HTTP 500", text, StringComparison.Ordinal);
        Assert.Contains("(in ", text, StringComparison.Ordinal);
        Assert.Contains("Resets are available", await session.Page.InnerTextAsync("#access"), StringComparison.Ordinal);

        _upstream.Heal(Failing);
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"Reset {Failing}" }).ClickAsync();
        await session.Page.Locator($"#sources-rows tr[data-source='{Failing}'][data-status='HEALTHY']").WaitForAsync();

        Assert.Contains("back to HEALTHY", await session.Page.InnerTextAsync("#reset-result"), StringComparison.Ordinal);
        using var health = await client.GetOkAsync($"/api/source-health/status/{Failing}");
        Assert.Equal("HEALTHY", health.RootElement.GetProperty("status").GetString());
        session.AssertNoConsoleProblems();
        await session.ScreenshotAsync("sources-after-reset");
    }

    [Fact]
    public async Task CallerNotAllowedToAdminister_NoResetButtons()
    {
        var chromium = await browser.RequireAsync();
        await using var host = Host(new Dictionary<string, string?> { ["ADMIN_ALLOW_LOOPBACK"] = "false" });
        using var client = host.Client();
        await using var session = await PageSession.OpenAsync(chromium, client.BaseAddress!);

        await session.GoAsync("/sources");
        await session.Page.WaitForSelectorAsync("#sources-rows tr");
        await session.Page.WaitForSelectorAsync("#access:not(:empty)");

        Assert.Contains("not available to you", await session.Page.InnerTextAsync("#access"), StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.Locator("#sources-rows button").CountAsync());
        Assert.False(await session.Page.Locator("#reset-all").IsVisibleAsync());
        session.AssertNoConsoleProblems();
    }

    private CoinSourceHost Host(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["UPSTREAM_TIMEOUT_MS"] = "30000";
        return new CoinSourceHost(_upstream, settings, new FakeTimeProvider(_upstream.Market.Now),
            only: [Failing, "kraken"]);
    }

    /// <summary>Three calls pinned to the source (a DEGRADED one is otherwise tried last): three failures in a row.</summary>
    private async Task MakeOfflineAsync(HttpClient client)
    {
        _upstream.Fail(Failing, FailureMode.ServerError);
        foreach (string symbol in new[] { "BTC", "ETH", "SOL" })
        {
            var answer = await Answer.GetAsync(client, $"/api/quotes/{symbol}?source={Failing}");
            answer.AssertProblem(System.Net.HttpStatusCode.ServiceUnavailable);
        }
    }
}
