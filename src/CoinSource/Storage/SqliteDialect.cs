using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CoinSource.Storage;

/// <summary>
/// The embedded SQLite file. Write-ahead logging lets readers work while the writer commits; synchronous=FULL makes
/// a committed transaction durable even against a power cut, at the cost of one sync per batch (the writer commits
/// batches, not rows, so that cost is small). Decimals are kept as text: SQLite's numbers are doubles.
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;
    private bool _folderReady;

    public SqliteDialect(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,

            // Also the time a command waits for another connection's write lock before it fails.
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public override string Description => $"sqlite {Path}";

    public override string DecimalType => "TEXT";

    public override string IdentityColumn => "INTEGER PRIMARY KEY";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_folderReady)
        {
            // The default file lies in a data folder that a fresh checkout does not have yet.
            string? folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            _folderReady = true;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // The journal mode is a property of the file: set once, every later connection uses it.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
    }

    /// <summary>Lets go of pooled connections to a file, so that it can be deleted or copied.</summary>
    public static void ReleaseFile() => SqliteConnection.ClearAllPools();
}
