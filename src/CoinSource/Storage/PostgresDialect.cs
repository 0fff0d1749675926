using System.Data.Common;
using Npgsql;

namespace CoinSource.Storage;

/// <summary>PostgreSQL, for several instances sharing one history. The connection string never leaves here.</summary>
public sealed class PostgresDialect(string connectionString) : SqlDialect, IDisposable
{
    // Any fixed number: every CoinSource instance takes the same advisory lock while it migrates.
    private const long MigrationLockKey = 0x436F696E53726365;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Description
    {
        get
        {
            var parts = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
            return $"postgresql {parts.Host}:{parts.Port}/{parts.Database}";
        }
    }

    public override string DecimalType => "NUMERIC";

    public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);

    public void Dispose() => _dataSource.Dispose();
}
