namespace CoinSource.Bench.Harness;

/// <summary>Finds the programs the bench drives (wrk, nginx); Debian puts nginx outside a user's PATH.</summary>
public static class ExternalTool
{
    private static readonly string[] SystemFolders = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

    /// <summary>The full path of a program; a set-up error naming its package when it is missing.</summary>
    public static string Find(string name, string package)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemFolders);
        foreach (string folder in folders)
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new BenchSetupException(
            $"{name} is not installed: apt-get install -y {package} (bench/run installs it when run as root)");
    }
}
