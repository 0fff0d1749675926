using CoinSource.Health;

namespace CoinSource.Sentiment;

/// <summary>One model of <c>GET /api/models</c>: what it is, whether it may be asked, and its health.</summary>
public sealed record ModelView(string Name, string Description, string Kind, bool Enabled, string? DisabledReason,
    SourceHealthSnapshot Health)
{
    /// <summary>DISABLED for a model switched off by configuration, otherwise its health state.</summary>
    public string Status => Enabled ? Health.State.ToString().ToUpperInvariant() : "DISABLED";
}
