namespace CoinSource.Storage;

/// <summary>The history store as the status API shows it.</summary>
/// <param name="Backend">"sqlite" with the file's path, or "postgresql" with host, port and database.</param>
/// <param name="State">"ok", or "failing" while batches cannot be committed.</param>
/// <param name="CommittedWrites">Writes committed since start.</param>
/// <param name="CommittedBatches">Transactions committed since start.</param>
/// <param name="DroppedWrites">Writes dropped because the queue was full.</param>
/// <param name="Queued">Writes waiting now.</param>
public sealed record StorageStatus(string Backend, string State, long CommittedWrites, long CommittedBatches,
    long DroppedWrites, int Queued);
