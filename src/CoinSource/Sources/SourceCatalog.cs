using Microsoft.Extensions.Options;

namespace CoinSource.Sources;

/// <summary>Every registered source, in priority order, with its capabilities.</summary>
public sealed class SourceCatalog(
    IEnumerable<IMarketSource> sources,
    IEnumerable<IQuoteSource> quotes,
    IEnumerable<ICandleSource> candles,
    IEnumerable<ITopCoinsSource> topCoins,
    IEnumerable<IFearGreedSource> fearGreed,
    IEnumerable<INewsSource> news,
    IEnumerable<ISentimentModel> models,
    IEnumerable<IGasSource> gas,
    IOptionsMonitor<SourceOptions> options)
{
    public IReadOnlyList<IMarketSource> All { get; } = [.. sources];

    public IReadOnlyList<IQuoteSource> Quotes { get; } = [.. quotes];

    public IReadOnlyList<ICandleSource> Candles { get; } = [.. candles];

    public IReadOnlyList<ITopCoinsSource> TopCoins { get; } = [.. topCoins];

    public IReadOnlyList<IFearGreedSource> FearGreed { get; } = [.. fearGreed];

    public IReadOnlyList<INewsSource> News { get; } = [.. news];

    public IReadOnlyList<ISentimentModel> Models { get; } = [.. models];

    public IReadOnlyList<IGasSource> Gas { get; } = [.. gas];

    public bool IsEnabled(string source) => options.Get(source).Enabled;

    /// <summary>Why a source takes no traffic; null when it is enabled.</summary>
    public string? DisabledReason(string source) =>
        options.Get(source) is { Enabled: false } disabled ? disabled.DisabledReason ?? "disabled" : null;

    public IMarketSource? Find(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The capabilities a source serves, for the health API and the README.</summary>
    public IReadOnlyList<string> CapabilitiesOf(IMarketSource source)
    {
        List<string> capabilities = [];
        if (source is IQuoteSource)
        {
            capabilities.Add(Capability.Quote);
        }

        if (source is ICandleSource)
        {
            capabilities.Add(Capability.Candles);
        }

        if (source is ITopCoinsSource)
        {
            capabilities.Add(Capability.TopCoins);
        }

        if (source is IFearGreedSource)
        {
            capabilities.Add(Capability.FearGreed);
        }

        if (source is INewsSource)
        {
            capabilities.Add(Capability.News);
        }

        if (source is ISentimentModel)
        {
            capabilities.Add(Capability.Sentiment);
        }

        if (source is IGasSource)
        {
            capabilities.Add(Capability.Gas);
        }

        return capabilities;
    }
}
