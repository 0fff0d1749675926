using System.Diagnostics;

namespace CoinSource.Tests.TestSupport;

/// <summary>
/// Waits for something another process or thread does (a server noticing a closed connection). Used only for
/// effects outside the test's control, never to let time-dependent product logic run: that uses a fake clock.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 30_000)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.ElapsedMilliseconds < timeoutMs, $"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }
}
