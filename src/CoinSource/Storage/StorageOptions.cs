namespace CoinSource.Storage;

/// <summary>Where CoinSource keeps its history, and how the background writer batches.</summary>
public sealed record StorageOptions
{
    public const string DefaultSqlitePath = "data/coinsource.db";

    /// <summary>The SQLite file, relative to the working directory unless absolute. Default data/coinsource.db.</summary>
    public string SqlitePath { get; init; } = DefaultSqlitePath;

    /// <summary>A PostgreSQL connection string; when set, PostgreSQL replaces the SQLite file. A secret.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Writes waiting for the background writer; past it the newest are dropped. Default 10000.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>Most writes committed in one transaction. Default 500.</summary>
    public int BatchSize { get; init; } = 500;

    public bool UsesPostgres => PostgresConnectionString is not null;

    /// <summary>Names the backend for logs and the status API, without the connection string.</summary>
    public string Describe() => UsesPostgres ? "postgresql" : $"sqlite {SqlitePath}";
}
