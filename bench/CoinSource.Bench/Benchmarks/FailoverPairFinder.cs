using System.Net;
using CoinSource.Bench.Harness;
using CoinSource.FakeUpstreams;
using CoinSource.Sources;
using CoinSource.Symbols;

namespace CoinSource.Bench.Benchmarks;

/// <summary>
/// Finds, on the running server, a quote pair with a second candidate source, instead of assuming which sources
/// exist: the first choice is whoever answers a plain request (meta.attempts), the next is whoever answers when
/// the first says "not listed" once, which moves the request on without counting against the first's health.
/// </summary>
public sealed class FailoverPairFinder(FakeUpstreamServer upstream, HttpClient client)
{
    private readonly List<string> _findings = [];

    /// <summary>What was learned about each quote currency, for the report.</summary>
    public IReadOnlyList<string> Findings => _findings;

    /// <summary>USD first, as most callers ask for it; then every other quote currency the server knows.</summary>
    public static IReadOnlyList<string> Currencies =>
        [QuoteCurrency.Usd, .. QuoteCurrency.All.Where(q => q != QuoteCurrency.Usd)];

    public async Task<FailoverPair?> FindAsync(CancellationToken cancellationToken)
    {
        var quoteSources = await QuoteSourcesAsync(cancellationToken);
        _findings.Add($"enabled quote sources (/api/source-health/status): {string.Join(", ", quoteSources)}");

        // A cold server's first upstream calls can outlast a short attempt timeout and leave a source DEGRADED,
        // which reorders the candidates: an untimed pass compiles the path; each probe starts from reset health.
        foreach (string currency in Currencies)
        {
            await BenchHttp.GetQuoteAsync(client, PathOf(currency), cancellationToken);
        }

        FailoverPair? found = null;
        foreach (string currency in Currencies)
        {
            await BenchHttp.PostOkAsync(client, "/api/source-health/reset-all", cancellationToken);
            found = await TryCurrencyAsync(AssetFor(currency), currency, cancellationToken);
            if (found is not null)
            {
                break;
            }
        }

        // Discovery must leave no trace in the health the measurements start from.
        upstream.HealAll();
        await BenchHttp.PostOkAsync(client, "/api/source-health/reset-all", cancellationToken);
        return found;
    }

    // A pair needs two different assets.
    private static string AssetFor(string currency) => currency == "BTC" ? "ETH" : "BTC";

    private static string PathOf(string currency) => $"/api/quotes/{AssetFor(currency)}?quote={currency}";

    private async Task<FailoverPair?> TryCurrencyAsync(string asset, string currency,
        CancellationToken cancellationToken)
    {
        string path = PathOf(currency);
        var plain = await BenchHttp.GetQuoteAsync(client, path, cancellationToken);
        if (plain.Status != (int)HttpStatusCode.OK || plain.Source is null)
        {
            _findings.Add($"{asset}/{currency}: no answer ({plain.Status})");
            return null;
        }

        upstream.Fail(plain.Source, FailureMode.NotListed, times: 1);
        var moved = await BenchHttp.GetQuoteAsync(client, path, cancellationToken);
        upstream.Heal(plain.Source);

        if (moved.Status == (int)HttpStatusCode.OK && moved.Source is { } next && next != plain.Source)
        {
            _findings.Add($"{asset}/{currency}: {plain.Source} first, then {next}");
            return new FailoverPair(asset, currency, plain.Source, next);
        }

        _findings.Add($"{asset}/{currency}: {plain.Source} only");
        return null;
    }

    private async Task<List<string>> QuoteSourcesAsync(CancellationToken cancellationToken)
    {
        using var status = await BenchHttp.GetJsonAsync(client, "/api/source-health/status", cancellationToken);
        return
        [
            .. status.RootElement.GetProperty("sources").EnumerateArray()
                .Where(s => s.GetProperty("enabled").GetBoolean()
                            && s.GetProperty("capabilities").EnumerateArray()
                                .Any(c => c.GetString() == Capability.Quote))
                .Select(s => s.GetProperty("name").GetString() ?? ""),
        ];
    }
}
