namespace CoinSource.Bench.Reporting;

/// <summary>Lines that say what the bench is doing while it waits, so that a long run never looks stuck.</summary>
public static class Progress
{
    public static void Step(string text) => Console.WriteLine($"   .. {text}");
}
