namespace CoinSource.Proof;

/// <summary>The answers a well-behaved client got while others misbehaved, with their client-side times.</summary>
public sealed record OtherClientTally(int Sent, int Ok, IReadOnlyList<string> Failures, IReadOnlyList<double> OkMs);
