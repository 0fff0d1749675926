using System.Globalization;
using CoinSource.Caching;
using CoinSource.Health;
using CoinSource.Market;
using CoinSource.SafeHttp;
using CoinSource.Sharing;
using CoinSource.Sources;
using CoinSource.Storage;

namespace CoinSource.Configuration;

/// <summary>
/// Everything CoinSource reads from its environment, with the defaults it runs on when nothing is set. Each
/// variable is documented in .env.example; <see cref="Read"/> is the only place that reads them.
/// </summary>
public sealed record Settings
{
    public const string DefaultHost = "localhost";
    public const int DefaultPort = 7860;
    public const string DefaultEnvFile = ".env";

    /// <summary>Names the .env file; read from the real environment only, since it says where .env is.</summary>
    public const string EnvFileVariable = "ENV_FILE";

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

    public ConsensusOptions Consensus { get; init; } = new();

    /// <summary>This instance's name and its Redis keys; Redis itself is the redis feature.</summary>
    public SharingOptions Sharing { get; init; } = new();
    /// <summary>The history store: the SQLite file, or PostgreSQL when its connection string is set.</summary>
    public StorageOptions Storage { get; init; } = new();

    public IReadOnlyDictionary<string, SourceOptions> Sources { get; init; } =
        new Dictionary<string, SourceOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The .env file read at start and on reload. Default .env in the working directory.</summary>
    public string EnvFile { get; init; } = DefaultEnvFile;

    /// <summary>Whether administrative calls from the machine itself need no token. Default true.</summary>
    public bool AdminAllowLoopback { get; init; } = true;

    /// <summary>Requests per minute per client address; 0 switches the limit off. Default 600.</summary>
    public int RateLimitPerMinute { get; init; } = 600;

    /// <summary>Origins that browsers may call the API from; empty means the same origin only.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>API keys and tokens of the optional features, by variable.</summary>
    public SecretValues Secrets { get; init; } = SecretValues.None;

    /// <summary>Every optional feature: on or off, and why.</summary>
    public IReadOnlyList<FeatureStatus> FeatureStatuses =>
        [.. Features.All.Select(f => FeatureStatus.Of(f, Secrets.ByVariable))];

    public bool IsEnabled(Feature feature) => feature.Variables.All(Secrets.IsSet);

    /// <summary>
    /// The settings that may be shown, by variable, for reporting what a reload changed. Secrets appear only as
    /// "configured" or "not set".
    /// </summary>
    public IReadOnlyDictionary<string, string> Visible()
    {
        var visible = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOST"] = Host,
            ["PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["LOG_LEVEL"] = LogLevel.ToString(),
            ["LOG_FORMAT"] = JsonLogs ? "json" : "console",
            ["ADMIN_ALLOW_LOOPBACK"] = AdminAllowLoopback ? "true" : "false",
            ["RATE_LIMIT_PER_MINUTE"] = Number(RateLimitPerMinute),
            ["CORS_ORIGINS"] = string.Join(',', CorsOrigins),
            ["UPSTREAM_TIMEOUT_MS"] = Number(Upstream.AttemptTimeout.TotalMilliseconds),
            ["UPSTREAM_MAX_BODY_BYTES"] = Number(Upstream.MaxBodyBytes),
            ["UPSTREAM_DEFAULT_THROTTLE_SECONDS"] = Number(Upstream.DefaultThrottle.TotalSeconds),
            ["HEALTH_FAILURE_THRESHOLD"] = Number(Health.FailureThreshold),
            ["HEALTH_COOLDOWN_SECONDS"] = Number(Health.Cooldown.TotalSeconds),
            ["HEALTH_SLOW_MS"] = Number(Health.SlowThreshold.TotalMilliseconds),
            ["HEALTH_PROBE_JITTER_SECONDS"] = Number(Health.ProbeJitter.TotalSeconds),
            ["CACHE_QUOTE_TTL_SECONDS"] = Number(Cache.QuoteTtl.TotalSeconds),
            ["CACHE_CANDLES_TTL_SECONDS"] = Number(Cache.CandlesTtl.TotalSeconds),
            ["CACHE_TOP_COINS_TTL_SECONDS"] = Number(Cache.TopCoinsTtl.TotalSeconds),
            ["CACHE_FEAR_GREED_TTL_SECONDS"] = Number(Cache.FearGreedTtl.TotalSeconds),
            ["CACHE_NEWS_TTL_SECONDS"] = Number(Cache.NewsTtl.TotalSeconds),
            ["CACHE_GAS_TTL_SECONDS"] = Number(Cache.GasTtl.TotalSeconds),
            ["CACHE_MAX_STALE_SECONDS"] = Number(Cache.MaxStaleAge.TotalSeconds),
            ["CONSENSUS_MAX_SOURCES"] = Number(Consensus.MaxSources),
            ["CONSENSUS_BUDGET_MS"] = Number(Consensus.Budget.TotalMilliseconds),
            ["CONSENSUS_MAX_DEVIATION_PERCENT"] = Number((double)Consensus.MaxDeviationPercent),
            ["DATA_MAX_QUOTE_AGE_SECONDS"] = Number(Consensus.MaxQuoteAge.TotalSeconds),
            ["INSTANCE_NAME"] = Sharing.InstanceName,
            ["REDIS_KEY_PREFIX"] = Sharing.KeyPrefix,
            ["REDIS_TIMEOUT_MS"] = Number(Sharing.CommandTimeout.TotalMilliseconds),
            ["STORAGE_SQLITE_PATH"] = Storage.SqlitePath,
            ["STORAGE_QUEUE_CAPACITY"] = Number(Storage.QueueCapacity),
            ["STORAGE_BATCH_SIZE"] = Number(Storage.BatchSize),
        };
        foreach (var (name, source) in Sources)
        {
            // An in-process model has no address, no budget and cannot be switched off.
            if (!SourceRegistry.InProcess.Contains(name))
            {
                visible[SourceUrlVariable(name)] = source.BaseUrl?.ToString() ?? "(public address)";
                visible[SourceEnabledVariable(name)] = source.Enabled ? "true" : "false";
                visible[SourceBudgetVariable(name)] = source.Budget?.ToString() ?? "none";
            }
        }

        foreach (string variable in Features.Variables)
        {
            visible[variable] = Secrets.IsSet(variable) ? "configured" : "not set";
        }

        return visible;
    }

    /// <summary>Settings that the running server cannot change without a restart.</summary>
    public static readonly IReadOnlySet<string> NeedRestart = new HashSet<string>(StringComparer.Ordinal)
    {
        "HOST", "PORT", "LOG_LEVEL", "LOG_FORMAT", "CORS_ORIGINS", "RATE_LIMIT_PER_MINUTE",
        "INSTANCE_NAME", "REDIS_KEY_PREFIX", "REDIS_TIMEOUT_MS", "REDIS_CONNECTION_STRING",
        "STORAGE_SQLITE_PATH", "STORAGE_QUEUE_CAPACITY", "STORAGE_BATCH_SIZE", "POSTGRES_CONNECTION_STRING",
    };

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The environment variable holding a source's base URL: SOURCE_BINANCE_URL.</summary>
    public static string SourceUrlVariable(string source) => $"SOURCE_{VariablePart(source)}_URL";

    /// <summary>The environment variable that can switch a source off: SOURCE_BINANCE_ENABLED.</summary>
    public static string SourceEnabledVariable(string source) => $"SOURCE_{VariablePart(source)}_ENABLED";

    /// <summary>The environment variable holding a source's request budget: SOURCE_BINANCE_BUDGET=1200/60.</summary>
    public static string SourceBudgetVariable(string source) => $"SOURCE_{VariablePart(source)}_BUDGET";

    /// <summary>Shells allow letters, digits and underscores in names: coingecko-pro becomes COINGECKO_PRO.</summary>
    private static string VariablePart(string source) => source.ToUpperInvariant().Replace('-', '_');

    /// <summary>Reads every setting; <see cref="SettingsReader.Errors"/> lists the values that were refused.</summary>
    public static Settings Read(SettingsReader read, IEnumerable<string> sourceNames)
    {
        var defaults = new Settings();
        var secrets = new SecretValues(Features.Variables
            .Select(variable => (variable, value: read.Raw(variable)))
            .Where(x => x.value is not null)
            .ToDictionary(x => x.variable, x => x.value!, StringComparer.Ordinal));
        return new Settings
        {
            Host = read.Text("HOST", DefaultHost),
            Port = read.Number("PORT", DefaultPort, 1, 65535),
            LogLevel = read.Choice("LOG_LEVEL", LogLevel.Information, LogLevels),
            JsonLogs = read.Choice("LOG_FORMAT", false, LogFormats),
            EnvFile = read.Text(EnvFileVariable, DefaultEnvFile),
            AdminAllowLoopback = read.Bool("ADMIN_ALLOW_LOOPBACK", true),
            RateLimitPerMinute = read.Number("RATE_LIMIT_PER_MINUTE", defaults.RateLimitPerMinute, 0, 1_000_000),
            CorsOrigins = read.Origins("CORS_ORIGINS"),
            Secrets = secrets,
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
                ProbeJitter = read.Seconds("HEALTH_PROBE_JITTER_SECONDS", defaults.Health.ProbeJitter, 0, 3600),
            },
            Cache = new CacheOptions
            {
                QuoteTtl = read.Seconds("CACHE_QUOTE_TTL_SECONDS", defaults.Cache.QuoteTtl, 0, 86_400),
                CandlesTtl = read.Seconds("CACHE_CANDLES_TTL_SECONDS", defaults.Cache.CandlesTtl, 0, 86_400),
                TopCoinsTtl = read.Seconds("CACHE_TOP_COINS_TTL_SECONDS", defaults.Cache.TopCoinsTtl, 0, 86_400),
                FearGreedTtl = read.Seconds("CACHE_FEAR_GREED_TTL_SECONDS", defaults.Cache.FearGreedTtl, 0, 86_400),
                NewsTtl = read.Seconds("CACHE_NEWS_TTL_SECONDS", defaults.Cache.NewsTtl, 0, 86_400),
                GasTtl = read.Seconds("CACHE_GAS_TTL_SECONDS", defaults.Cache.GasTtl, 0, 86_400),
                MaxStaleAge = read.Seconds("CACHE_MAX_STALE_SECONDS", defaults.Cache.MaxStaleAge, 0, 30 * 86_400),
            },
            Consensus = new ConsensusOptions
            {
                MaxSources = read.Number("CONSENSUS_MAX_SOURCES", defaults.Consensus.MaxSources, 2, 20),
                Budget = read.Milliseconds("CONSENSUS_BUDGET_MS", defaults.Consensus.Budget, 100, 60_000),
                MaxDeviationPercent = read.Number("CONSENSUS_MAX_DEVIATION_PERCENT",
                    (int)defaults.Consensus.MaxDeviationPercent, 1, 100),
                MaxQuoteAge = read.Seconds("DATA_MAX_QUOTE_AGE_SECONDS", defaults.Consensus.MaxQuoteAge, 1, 86_400),
            },
            Sharing = ReadSharing(read, secrets),
            Storage = new StorageOptions
            {
                SqlitePath = read.Text("STORAGE_SQLITE_PATH", StorageOptions.DefaultSqlitePath),
                PostgresConnectionString = secrets[Features.PostgreSql.Variables[0]],
                QueueCapacity = read.Number("STORAGE_QUEUE_CAPACITY", defaults.Storage.QueueCapacity, 100, 10_000_000),
                BatchSize = read.Number("STORAGE_BATCH_SIZE", defaults.Storage.BatchSize, 1, 100_000),
            },
            Sources = sourceNames.ToDictionary(name => name, name => ReadSource(read, name, secrets),
                StringComparer.OrdinalIgnoreCase),
        };
    }

    private static SharingOptions ReadSharing(SettingsReader read, SecretValues secrets)
    {
        var defaults = new SharingOptions();
        if (secrets[Features.Redis.Variables[0]] is { } connection && !RedisConnectionString.IsValid(connection))
        {
            // The value is not repeated: it may hold a password.
            read.AddError($"{Features.Redis.Variables[0]} is not valid: expected host:port[,password=...][,ssl=true] "
                + "(value not shown)");
        }

        return new SharingOptions
        {
            InstanceName = read.Text("INSTANCE_NAME", defaults.InstanceName),
            KeyPrefix = read.Text("REDIS_KEY_PREFIX", defaults.KeyPrefix),
            CommandTimeout = read.Milliseconds("REDIS_TIMEOUT_MS", defaults.CommandTimeout, 50, 30_000),
        };
    }

    private static SourceOptions ReadSource(SettingsReader read, string name, SecretValues secrets)
    {
        if (SourceRegistry.InProcess.Contains(name))
        {
            return new SourceOptions();
        }

        var options = new SourceOptions
        {
            BaseUrl = read.Url(SourceUrlVariable(name)),
            Enabled = read.Bool(SourceEnabledVariable(name), true),
            Budget = read.Budget(SourceBudgetVariable(name), SourceRegistry.DefaultBudget(name)),
        };
        if (!options.Enabled)
        {
            options.DisabledReason = $"{SourceEnabledVariable(name)} is false";
        }

        if (Features.KeyFeatureOf(name) is { } feature)
        {
            options.ApiKey = secrets[feature.Variables[0]];
            if (feature.SourceNeedsKey && options.ApiKey is null)
            {
                options.Enabled = false;
                options.DisabledReason ??= $"feature {feature.Name} needs {string.Join(", ", feature.Variables)}";
            }
        }

        return options;
    }
}
