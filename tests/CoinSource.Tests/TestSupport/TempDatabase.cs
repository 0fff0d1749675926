using CoinSource.Storage;

namespace CoinSource.Tests.TestSupport;

/// <summary>SQLite files of one test each, in a temporary folder, so that tests running at once never share one.</summary>
public static class TempDatabase
{
    public static string NewPath() =>
        Path.Combine(Path.GetTempPath(), "coinsource-tests", $"{Guid.NewGuid():N}", "coinsource.db");

    /// <summary>Deletes the file, its write-ahead log and its folder.</summary>
    public static void Delete(string path)
    {
        SqliteDialect.ReleaseFile();
        string? folder = Path.GetDirectoryName(path);
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
