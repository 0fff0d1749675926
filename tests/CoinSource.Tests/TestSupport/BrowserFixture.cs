using Microsoft.Playwright;

namespace CoinSource.Tests.TestSupport;

/// <summary>
/// One headless Chromium (Debian's, at /usr/bin/chromium) shared by every browser test: starting it is the slow
/// part. Playwright's own browser download is never used. Tests call <see cref="RequireAsync"/> first, which skips
/// them (or fails them under CI) when the browser is not installed.
/// </summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the tests write a screenshot of each page, for a person to look at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task<IBrowser> RequireAsync()
    {
        Requires.That(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath} (apt-get install chromium)");
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                ],
                Timeout = 120_000,
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }
}

/// <summary>The browser tests run one after another on the shared browser: the machine has few cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
