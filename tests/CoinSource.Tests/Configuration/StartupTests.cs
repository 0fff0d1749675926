using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Configuration;

/// <summary>The real program, started as a process: a bad value stops it with one clear line and a non-zero code.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("PORT", "eighty")]
    [InlineData("HEALTH_COOLDOWN_SECONDS", "-5")]
    [InlineData("SOURCE_BINANCE_URL", "ftp//nowhere")]
    [InlineData("LOG_LEVEL", "loud")]
    public async Task Start_BadValue_OneLineNamingItAndExitCode2(string variable, string value)
    {
        var (exitCode, output) = await RunAsync((variable, value));

        Assert.Equal(2, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string line = Assert.Single(lines);
        Assert.StartsWith($"coinsource: configuration error: {variable}={value} is not valid", line,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SeveralBadValues_OneLineEach()
    {
        var (exitCode, output) = await RunAsync(("PORT", "0"), ("UPSTREAM_TIMEOUT_MS", "fast"));

        Assert.Equal(2, exitCode);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params (string Name, string Value)[] variables)
    {
        var (exitCode, output, error) = await ProgramProcess.RunAsync(variables.ToDictionary(v => v.Name, v => v.Value));
        Assert.True(string.IsNullOrEmpty(output), output);
        return (exitCode, error);
    }
}
