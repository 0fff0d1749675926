using CoinSource.Configuration;
using CoinSource.Sources;
using Microsoft.Extensions.Configuration;

namespace CoinSource.Tests.Sharing;

/// <summary>The Redis settings: read and checked at start, the connection string never repeated.</summary>
public sealed class RedisSettingsTests
{
    [Fact]
    public void ConnectionString_Valid_FeatureOnWithTheInstanceName()
    {
        var (settings, errors) = Read(("REDIS_CONNECTION_STRING", "127.0.0.1:6390,password=hunter2"),
            ("INSTANCE_NAME", "edge-1"), ("REDIS_KEY_PREFIX", "prod"));

        Assert.Empty(errors);
        Assert.True(settings.IsEnabled(Features.Redis));
        Assert.Equal("edge-1", settings.Sharing.InstanceName);
        Assert.Equal("prod", settings.Sharing.KeyPrefix);
        Assert.Equal("configured", settings.Visible()["REDIS_CONNECTION_STRING"]);
        Assert.DoesNotContain(settings.Visible().Values, v => v.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectionString_Invalid_ErrorNamesTheVariableButNotTheValue()
    {
        var (_, errors) = Read(("REDIS_CONNECTION_STRING", ",password=hunter2"));

        string error = Assert.Single(errors);
        Assert.StartsWith("REDIS_CONNECTION_STRING is not valid", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_InstanceIsMachineAndProcess_TimeoutHalfASecond()
    {
        var (settings, errors) = Read();

        Assert.Empty(errors);
        Assert.False(settings.IsEnabled(Features.Redis));
        Assert.Equal($"{Environment.MachineName}-{Environment.ProcessId}", settings.Sharing.InstanceName);
        Assert.Equal("coinsource", settings.Sharing.KeyPrefix);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.Sharing.CommandTimeout);
    }

    [Fact]
    public void Timeout_OutOfRange_Refused()
    {
        var (_, errors) = Read(("REDIS_TIMEOUT_MS", "10"));

        Assert.StartsWith("REDIS_TIMEOUT_MS=10 is not valid", Assert.Single(errors), StringComparison.Ordinal);
    }

    private static (Settings Settings, IReadOnlyList<string> Errors) Read(params (string Name, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)))
            .Build();
        var reader = new SettingsReader(configuration);
        return (Settings.Read(reader, SourceRegistry.Names), reader.Errors);
    }
}
