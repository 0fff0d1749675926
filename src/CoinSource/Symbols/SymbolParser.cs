using System.Diagnostics.CodeAnalysis;

namespace CoinSource.Symbols;

/// <summary>
/// Reads a caller's symbol into an <see cref="AssetPair"/>. "BTC", "btc", "bitcoin", "XBT", "BTC-USD", "BTC/USD",
/// "BTC_USD" and "BTCUSD" all name bitcoin; the quote currency comes from the symbol when it carries one,
/// otherwise from the quote parameter, otherwise USD.
/// </summary>
public static class SymbolParser
{
    private const int MaxLength = 30;
    private static readonly char[] Separators = ['-', '/', '_', ':'];

    public static bool TryParse(string? input, string? quote, [NotNullWhen(true)] out AssetPair? pair,
        [NotNullWhen(false)] out string? error)
    {
        pair = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "symbol is required, for example BTC, bitcoin or BTC-USD";
            return false;
        }

        string text = input.Trim();
        if (text.Length > MaxLength || !text.All(c => char.IsAsciiLetterOrDigit(c) || Separators.Contains(c)))
        {
            error = $"symbol must be 1 to {MaxLength} letters or digits, optionally with a quote after - / _ or :";
            return false;
        }

        string? explicitQuote = null;
        if (!string.IsNullOrWhiteSpace(quote))
        {
            explicitQuote = quote.Trim().ToUpperInvariant();
            if (!QuoteCurrency.IsSupported(explicitQuote))
            {
                error = $"quote must be one of {string.Join(", ", QuoteCurrency.All)}";
                return false;
            }
        }

        var (baseText, symbolQuote) = Split(text);
        if (baseText.Length == 0 || (symbolQuote is not null && !QuoteCurrency.IsSupported(symbolQuote)))
        {
            error = $"symbol '{text}' is not a known pair; the quote must be one of {string.Join(", ", QuoteCurrency.All)}";
            return false;
        }

        if (symbolQuote is not null && explicitQuote is not null && symbolQuote != explicitQuote)
        {
            error = $"symbol names quote {symbolQuote} but the quote parameter says {explicitQuote}";
            return false;
        }

        string baseSymbol = AssetCatalog.Find(baseText)?.Symbol ?? baseText.ToUpperInvariant();
        string pairQuote = symbolQuote ?? explicitQuote ?? QuoteCurrency.Usd;
        if (baseSymbol == pairQuote)
        {
            error = $"symbol and quote are the same currency ({pairQuote})";
            return false;
        }

        pair = new AssetPair(baseSymbol, pairQuote);
        error = null;
        return true;
    }

    private static (string Base, string? Quote) Split(string text)
    {
        // A known asset or id stands alone: WBTC is not W priced in BTC, bitcoin-cash is not bitcoin in CASH.
        if (AssetCatalog.Find(text) is not null)
        {
            return (text, null);
        }

        int separator = text.IndexOfAny(Separators);
        if (separator >= 0)
        {
            return (text[..separator], text[(separator + 1)..].ToUpperInvariant());
        }

        foreach (string quote in QuoteCurrency.All)
        {
            if (text.Length > quote.Length && text.EndsWith(quote, StringComparison.OrdinalIgnoreCase))
            {
                return (text[..^quote.Length], quote);
            }
        }

        return (text, null);
    }
}
