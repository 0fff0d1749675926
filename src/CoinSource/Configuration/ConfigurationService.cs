using CoinSource.Telemetry;

namespace CoinSource.Configuration;

/// <summary>
/// Reports the configuration at start (one warning per disabled feature) and applies reloads: a reload with a bad
/// value is refused whole; a good one replaces the settings in force and says what changed.
/// </summary>
public sealed partial class ConfigurationService(
    SettingsStore store,
    SettingsLoader loader,
    ActivityFeed feed,
    ILogger<ConfigurationService> logger)
{
    private readonly Lock _reloading = new();

    public string EnvFilePath => loader.EnvFilePath;

    public bool EnvFileFound => loader.EnvFileFound;

    public void ReportAtStart()
    {
        LogEnvFile(logger, loader.EnvFilePath, loader.EnvFileFound ? "read" : "not found; using the environment only");
        foreach (var feature in store.Current.FeatureStatuses.Where(f => !f.Enabled))
        {
            LogFeatureDisabled(logger, feature.Name, string.Join(", ", feature.Missing), feature.Description);
        }
    }

    /// <summary>Re-reads .env and the environment and puts the result in force, unless a value is refused.</summary>
    public ReloadOutcome Reload()
    {
        lock (_reloading)
        {
            var (next, errors) = loader.Reload();
            if (errors.Count > 0)
            {
                LogReloadRefused(logger, string.Join("; ", errors));
                return new ReloadOutcome(false, [], errors);
            }

            var changes = Changes(store.Current, next);
            store.Replace(next);
            foreach (string change in changes)
            {
                LogChanged(logger, change);
            }

            feed.Publish(ActivityKind.ConfigReload, changes.Count == 0
                ? "configuration reloaded: nothing changed"
                : $"configuration reloaded: {string.Join("; ", changes)}");
            return new ReloadOutcome(true, changes, []);
        }
    }

    private static List<string> Changes(Settings before, Settings after)
    {
        var old = before.Visible();
        List<string> changes = [];
        foreach (var (variable, value) in after.Visible())
        {
            if (old.GetValueOrDefault(variable) != value)
            {
                string restart = Settings.NeedRestart.Contains(variable) ? " (takes effect after a restart)" : "";
                changes.Add($"{variable}: {old.GetValueOrDefault(variable)} -> {value}{restart}");
            }
        }

        var wasOn = before.FeatureStatuses.ToDictionary(f => f.Name, f => f.Enabled);
        foreach (var feature in after.FeatureStatuses.Where(f => wasOn.GetValueOrDefault(f.Name) != f.Enabled))
        {
            changes.Add($"feature {feature.Name} {(feature.Enabled ? "enabled" : "disabled")}");
        }

        return changes;
    }

    [LoggerMessage(EventId = 1001, EventName = "EnvFile", Level = LogLevel.Information,
        Message = "configuration file {Path}: {State}")]
    private static partial void LogEnvFile(ILogger logger, string path, string state);

    [LoggerMessage(EventId = 1002, EventName = "FeatureDisabled", Level = LogLevel.Warning,
        Message = "feature {Feature} is disabled: {Variables} not set ({Description}); everything else runs")]
    private static partial void LogFeatureDisabled(ILogger logger, string feature, string variables,
        string description);

    [LoggerMessage(EventId = 1003, EventName = "ReloadRefused", Level = LogLevel.Error,
        Message = "configuration reload refused, the running configuration stays: {Errors}")]
    private static partial void LogReloadRefused(ILogger logger, string errors);

    [LoggerMessage(EventId = 1004, EventName = "SettingChanged", Level = LogLevel.Information,
        Message = "configuration reloaded: {Change}")]
    private static partial void LogChanged(ILogger logger, string change);
}

/// <summary>What a reload did: applied with its changes, or refused with the bad values.</summary>
public sealed record ReloadOutcome(bool Applied, IReadOnlyList<string> Changes, IReadOnlyList<string> Errors);
