using CoinSource.Caching;
using CoinSource.Health;
using CoinSource.SafeHttp;
using CoinSource.Sources;

namespace CoinSource.Configuration;

/// <summary>
/// Everything CoinSource reads from its environment, with the defaults it runs on when nothing is set. Each
/// variable is documented in .env.example; <see cref="Read"/> is the only place that reads them.
/// </summary>
public sealed record Settings
{
    public const string DefaultHost = "localhost";
    public const int DefaultPort = 7860;

    private static readonly Dictionary<string, LogLevel> LogLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["information"] = LogLevel.Information,
        ["warning"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
        ["critical"] = LogLevel.Critical,
    };

    private static readonly Dictionary<string, bool> LogFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["console"] = false,
        ["json"] = true,
    };

    public string Host { get; init; } = DefaultHost;

    public int Port { get; init; } = DefaultPort;

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>JSON lines instead of the readable console format.</summary>
    public bool JsonLogs { get; init; }

    public UpstreamOptions Upstream { get; init; } = new();

    public HealthOptions Health { get; init; } = new();

    public CacheOptions Cache { get; init; } = new();

    public IReadOnlyDictionary<string, SourceOptions> Sources { get; init; } =
        new Dictionary<string, SourceOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The environment variable holding a source's base URL: SOURCE_BINANCE_URL.</summary>
    public static string SourceUrlVariable(string source) => $"SOURCE_{source.ToUpperInvariant()}_URL";

    /// <summary>The environment variable that can switch a source off: SOURCE_BINANCE_ENABLED.</summary>
    public static string SourceEnabledVariable(string source) => $"SOURCE_{source.ToUpperInvariant()}_ENABLED";

    /// <summary>Reads every setting; <see cref="SettingsReader.Errors"/> lists the values that were refused.</summary>
    public static Settings Read(SettingsReader read, IEnumerable<string> sourceNames)
    {
        var defaults = new Settings();
        return new Settings
        {
            Host = read.Text("HOST", DefaultHost),
            Port = read.Number("PORT", DefaultPort, 1, 65535),
            LogLevel = read.Choice("LOG_LEVEL", LogLevel.Information, LogLevels),
            JsonLogs = read.Choice("LOG_FORMAT", false, LogFormats),
            Upstream = new UpstreamOptions
            {
                AttemptTimeout = read.Milliseconds("UPSTREAM_TIMEOUT_MS", defaults.Upstream.AttemptTimeout, 100, 120_000),
                MaxBodyBytes = read.Number("UPSTREAM_MAX_BODY_BYTES", (int)defaults.Upstream.MaxBodyBytes, 1024,
                    256 * 1024 * 1024),
                DefaultThrottle = read.Seconds("UPSTREAM_DEFAULT_THROTTLE_SECONDS", defaults.Upstream.DefaultThrottle,
                    1, 86_400),
            },
            Health = new HealthOptions
            {
                FailureThreshold = read.Number("HEALTH_FAILURE_THRESHOLD", defaults.Health.FailureThreshold, 1, 100),
                Cooldown = read.Seconds("HEALTH_COOLDOWN_SECONDS", defaults.Health.Cooldown, 1, 86_400),
                SlowThreshold = read.Milliseconds("HEALTH_SLOW_MS", defaults.Health.SlowThreshold, 1, 600_000),
            },
            Cache = new CacheOptions
            {
                QuoteTtl = read.Seconds("CACHE_QUOTE_TTL_SECONDS", defaults.Cache.QuoteTtl, 0, 86_400),
                CandlesTtl = read.Seconds("CACHE_CANDLES_TTL_SECONDS", defaults.Cache.CandlesTtl, 0, 86_400),
                TopCoinsTtl = read.Seconds("CACHE_TOP_COINS_TTL_SECONDS", defaults.Cache.TopCoinsTtl, 0, 86_400),
                MaxStaleAge = read.Seconds("CACHE_MAX_STALE_SECONDS", defaults.Cache.MaxStaleAge, 0, 30 * 86_400),
            },
            Sources = sourceNames.ToDictionary(
                name => name,
                name => new SourceOptions
                {
                    BaseUrl = read.Url(SourceUrlVariable(name)),
                    Enabled = read.Bool(SourceEnabledVariable(name), true),
                },
                StringComparer.OrdinalIgnoreCase),
        };
    }
}
