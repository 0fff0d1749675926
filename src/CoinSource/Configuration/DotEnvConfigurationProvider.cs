using DotNetEnv;

namespace CoinSource.Configuration;

/// <summary>
/// Serves the variables of a .env file as configuration, below the real environment (which wins), parsed by
/// DotNetEnv without touching the process environment. Re-read on every configuration reload.
/// </summary>
public sealed class DotEnvConfigurationProvider(string path) : ConfigurationProvider, IConfigurationSource
{
    public string Path => path;

    /// <summary>Why the file could not be read, when it exists and could not.</summary>
    public string? Error { get; private set; }

    public bool Found { get; private set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Error = null;
        Found = File.Exists(path);
        if (Found)
        {
            try
            {
                var options = new LoadOptions(setEnvVars: false, clobberExistingVars: true, onlyExactPath: true);
                foreach (var (key, value) in Env.Load(path, options))
                {
                    data[key] = value;
                }
            }
            catch (Exception ex) when (ex is Sprache.ParseException or IOException or UnauthorizedAccessException)
            {
                Error = $"{Settings.EnvFileVariable}={path} could not be read: {ex.Message}";
            }
        }

        Data = data;
    }
}
