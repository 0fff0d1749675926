using System.Data.Common;

namespace CoinSource.Storage;

/// <summary>
/// What differs between the SQL backends: how to connect, a few column types, and how to keep two instances from
/// migrating at once. Every query is written once, in the SQL both understand.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The backend in words, without secrets.</summary>
    public abstract string Description { get; }

    /// <summary>The type of exact decimal columns: prices and volumes are never rounded through a double.</summary>
    public abstract string DecimalType { get; }

    /// <summary>An auto-numbered primary key column.</summary>
    public abstract string IdentityColumn { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs once before migrations; the SQLite file switches to write-ahead logging here.</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Holds other instances off the migration until the transaction ends.</summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken) => Task.CompletedTask;

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
