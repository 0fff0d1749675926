using System.Text.RegularExpressions;
using CoinSource.Configuration;
using CoinSource.Sources;
using Microsoft.Extensions.Configuration;

namespace CoinSource.Tests.Configuration;

/// <summary>.env.example documents exactly the variables the program reads: no more, no fewer.</summary>
public sealed partial class EnvExampleTests
{
    [Fact]
    public void EnvExample_ListsEveryVariableTheCodeReads()
    {
        var read = VariablesRead();
        var documented = Documented();

        Assert.Empty(read.Except(documented));
    }

    [Fact]
    public void EnvExample_ListsNoVariableTheCodeNeverReads()
    {
        var read = VariablesRead();
        var documented = Documented();

        Assert.Empty(documented.Except(read));
    }

    [Fact]
    public void Source_ReadsTheEnvironmentOnlyThroughTheSettingsReader()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains("GetEnvironmentVariable", StringComparison.Ordinal))
            .Select(Path.GetFileName);

        Assert.Empty(offenders);
    }

    private static SortedSet<string> VariablesRead()
    {
        var reader = new SettingsReader(new ConfigurationBuilder().Build());
        Settings.Read(reader, SourceRegistry.Names);
        return new SortedSet<string>(reader.VariablesRead, StringComparer.Ordinal);
    }

    private static SortedSet<string> Documented()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot(), ".env.example"));
        return new SortedSet<string>(VariableLine().Matches(text).Select(m => m.Groups[1].Value), StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ".env.example")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no .env.example above the test binaries");
    }

    [GeneratedRegex(@"^([A-Z][A-Z0-9_]*)=", RegexOptions.Multiline)]
    private static partial Regex VariableLine();
}
