using CoinSource.Sources;

namespace CoinSource.Configuration;

/// <summary>
/// Reads the settings from the environment and the .env file, at start and again on reload. A reload that finds a
/// bad value changes nothing: the settings in force stay as they were.
/// </summary>
public sealed class SettingsLoader(IConfigurationRoot configuration, DotEnvConfigurationProvider dotEnv)
{
    /// <summary>Adds the .env file named by ENV_FILE (default .env) beneath the environment.</summary>
    public static SettingsLoader Attach(IConfigurationManager configuration)
    {
        string path = configuration[Settings.EnvFileVariable] is { Length: > 0 } configured
            ? configured
            : Settings.DefaultEnvFile;
        var dotEnv = new DotEnvConfigurationProvider(path);

        // First source = lowest precedence: variables set in the real environment win over the file.
        configuration.Sources.Insert(0, dotEnv);
        return new SettingsLoader((IConfigurationRoot)configuration, dotEnv);
    }

    public string EnvFilePath => dotEnv.Path;

    public bool EnvFileFound => dotEnv.Found;

    /// <summary>Reads every setting as configured now; errors name each refused variable and value.</summary>
    public (Settings Settings, IReadOnlyList<string> Errors) Read()
    {
        var reader = new SettingsReader(configuration);
        var settings = Settings.Read(reader, SourceRegistry.Names);
        if (dotEnv.Error is { } error)
        {
            reader.AddError(error);
        }

        return (settings, reader.Errors);
    }

    /// <summary>Re-reads the .env file and the environment, then the settings.</summary>
    public (Settings Settings, IReadOnlyList<string> Errors) Reload()
    {
        configuration.Reload();
        return Read();
    }
}
