using CoinSource.Storage;
using CoinSource.Tests.TestSupport;

namespace CoinSource.Tests.Storage;

/// <summary>A fresh store on one backend: a temporary SQLite file, or a new database on the test PostgreSQL.</summary>
public sealed class StoreBackend : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";

    private readonly string? _sqlitePath;

    private StoreBackend(SqlMarketStore store, string? sqlitePath, string? postgres)
    {
        Store = store;
        _sqlitePath = sqlitePath;
        PostgresConnectionString = postgres;
    }

    public static TheoryData<string> Both => [Sqlite, Postgres];

    public SqlMarketStore Store { get; }

    public string? PostgresConnectionString { get; }

    /// <summary>The environment that points a CoinSource host at this store.</summary>
    public Dictionary<string, string?> HostSettings() => PostgresConnectionString is { } connection
        ? new() { ["POSTGRES_CONNECTION_STRING"] = connection }
        : new() { ["STORAGE_SQLITE_PATH"] = _sqlitePath };

    /// <summary>A second store over the same file or database, as a restarted instance would open it.</summary>
    public SqlMarketStore Reopen() => new(PostgresConnectionString is { } connection
        ? new PostgresDialect(connection)
        : new SqliteDialect(_sqlitePath!), TimeProvider.System);

    public static async Task<StoreBackend> CreateAsync(string backend)
    {
        if (backend == Postgres)
        {
            var server = await PostgresServer.RequireAsync();
            string connection = await server.NewDatabaseAsync();
            return new StoreBackend(new SqlMarketStore(new PostgresDialect(connection), TimeProvider.System), null, connection);
        }

        string path = TempDatabase.NewPath();
        return new StoreBackend(new SqlMarketStore(new SqliteDialect(path), TimeProvider.System), path, null);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (_sqlitePath is not null)
        {
            TempDatabase.Delete(_sqlitePath);
        }
    }
}
