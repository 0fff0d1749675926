namespace CoinSource.Tests.TestSupport;

/// <summary>
/// Skips a test whose prerequisite is missing, with the reason. Under CI=true a missing prerequisite is a failure
/// instead: CI installs everything, so a skip there would hide a broken set-up.
/// </summary>
public static class Requires
{
    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void That(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail($"prerequisite missing under CI: {reason}");
        }

        Assert.Skip(reason);
    }
}
