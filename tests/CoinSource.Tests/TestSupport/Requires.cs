namespace CoinSource.Tests.TestSupport;

/// <summary>
/// Guards for tests that need something outside the process: a browser, a database server, a cache server.
/// On a developer's machine a missing one skips the test with the reason. Under CI (CI=true) the set-up script
/// installs all of them, so a missing one is a broken set-up and fails the test instead of hiding it.
/// </summary>
public static class Requires
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true",
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, under CI, fails) the calling test when <paramref name="available"/> is false.</summary>
    public static void That(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail($"CI=true and a test dependency is missing: {reason}");
        }

        Assert.Skip(reason);
    }

    /// <summary>An executable found at an absolute path or on PATH; null when none is there.</summary>
    public static string? Executable(params string[] candidates)
    {
        foreach (string candidate in candidates)
        {
            if (Path.IsPathRooted(candidate))
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                continue;
            }

            string? path = Environment.GetEnvironmentVariable("PATH");
            foreach (string dir in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string full = Path.Combine(dir, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }
}
