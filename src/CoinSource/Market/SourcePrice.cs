namespace CoinSource.Market;

/// <summary>One source's part in a consensus quote.</summary>
/// <param name="Source">The source.</param>
/// <param name="Price">Its price.</param>
/// <param name="AgeSeconds">How old its price is, by its own timestamp.</param>
/// <param name="DeviationPercent">Its distance from the median of all answers, in percent.</param>
/// <param name="Outlier">Left out of the consensus.</param>
/// <param name="Reason">Why it was left out, with the evidence.</param>
public sealed record SourcePrice(string Source, decimal Price, double AgeSeconds, decimal DeviationPercent,
    bool Outlier, string? Reason);
