namespace CoinSource.Tests.TestSupport;

/// <summary>
/// Real upstream response bodies recorded by others, read in place from the shared folder beside the repository
/// (never copied into it): COINSOURCE_SAMPLES_DIR, or a shared/upstream-samples folder above the test binaries.
/// Tests that need them are skipped, with the reason, where the folder is absent, under CI too: the recordings are
/// not the project's to install, unlike a service or a browser.
/// </summary>
public static class SharedSamples
{
    private static readonly Lazy<string?> Folder = new(Find);

    public static string Read(string fileName)
    {
        if (Folder.Value is null)
        {
            Assert.Skip("the shared upstream samples folder (../shared/upstream-samples) is not present; "
                + "set COINSOURCE_SAMPLES_DIR to read it from elsewhere");
        }

        string path = Path.Combine(Folder.Value!, fileName);
        Assert.True(File.Exists(path), $"sample {fileName} is missing from {Folder.Value}");
        return File.ReadAllText(path);
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("COINSOURCE_SAMPLES_DIR") is { Length: > 0 } configured
            && Directory.Exists(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "upstream-samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
