namespace CoinSource.Bench.Chaos;

/// <summary>One source failing in one way from <see cref="Start"/> to <see cref="Heal"/>, then answering again.</summary>
public sealed record ChaosEpisode(string Source, ChaosKind Kind, TimeSpan Start, TimeSpan Heal, TimeSpan End);
