using Microsoft.Playwright;

namespace CoinSource.Tests.TestSupport;

/// <summary>
/// One browser page against a running CoinSource, recording every console error and warning and every page
/// error, so that a test can demand that there are none.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    public const int Phone = 390;
    public const int Desktop = 1366;

    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    private PageSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (_problems)
                {
                    _problems.Add($"console {message.Type}: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_problems)
            {
                _problems.Add($"page error: {error}");
            }
        };
        page.SetDefaultTimeout(60_000);
    }

    public IPage Page { get; }

    public static async Task<PageSession> OpenAsync(IBrowser browser, Uri server, int width = Desktop)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.AbsoluteUri,
            ViewportSize = new ViewportSize { Width = width, Height = width == Phone ? 844 : 900 },
        });
        // Sums the page's layout shifts the way browsers score them, so that a test can bound them.
        await context.AddInitScriptAsync("""
            window.__layoutShift = 0;
            window.__layoutShifted = [];
            new PerformanceObserver(list => {
              for (const entry of list.getEntries()) {
                if (entry.hadRecentInput) continue;
                window.__layoutShift += entry.value;
                for (const source of entry.sources || []) {
                  const node = source.node;
                  const name = !node ? '?' : node.nodeType === 1
                    ? node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + (node.className ? '.' + node.className : '')
                    : '#text in ' + (node.parentElement ? node.parentElement.tagName.toLowerCase() : '?');
                  const from = source.previousRect;
                  const to = source.currentRect;
                  window.__layoutShifted.push(`${name} ${entry.value.toFixed(3)} `
                    + `(${from.x},${from.y} ${from.width}x${from.height} -> ${to.x},${to.y} ${to.width}x${to.height})`);
                }
              }
            }).observe({ type: 'layout-shift', buffered: true });
            """);
        return new PageSession(context, await context.NewPageAsync());
    }

    /// <summary>The cumulative layout shift so far: 0 is a page that never moved under the reader.</summary>
    public Task<double> LayoutShiftAsync() => Page.EvaluateAsync<double>("() => window.__layoutShift");

    /// <summary>What moved, for the failure message: element, and the shift score of its entry.</summary>
    public async Task<string> LayoutShiftedAsync() =>
        string.Join(", ", await Page.EvaluateAsync<string[]>("() => window.__layoutShifted"));

    /// <summary>Opens <paramref name="path"/> and waits until the page's own requests are answered.</summary>
    public async Task GoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"GET {path}: {response?.Status}");
    }

    /// <summary>
    /// Fails with the list when the page logged any console error or warning. <paramref name="allowStatus"/>
    /// admits the browser's own note of an answer with that status, for pages that are shown an honest 503.
    /// </summary>
    public void AssertNoConsoleProblems(int? allowStatus = null)
    {
        string? allowed = allowStatus is { } status ? $"the server responded with a status of {status}" : null;
        lock (_problems)
        {
            var problems = _problems.Where(p => allowed is null || !p.Contains(allowed, StringComparison.Ordinal))
                .ToList();
            Assert.True(problems.Count == 0, "console problems:\n" + string.Join('\n', problems));
        }
    }

    /// <summary>Writes a full-page screenshot and prints where it went.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        string path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"screenshot: {path}");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
