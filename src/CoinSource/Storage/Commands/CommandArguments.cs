using System.Diagnostics.CodeAnalysis;
using CoinSource.Api;
using CoinSource.Market;
using CoinSource.Symbols;

namespace CoinSource.Storage.Commands;

/// <summary>
/// The <c>--name value</c> options of a command, read with the same rules as the API's parameters. The first
/// refused value becomes <see cref="Error"/>, naming the option.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private CommandArguments(IReadOnlySet<string> known, IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !known.Contains(arg[2..]))
            {
                Error ??= $"unknown option '{arg}'; known: {string.Join(", ", known.Select(k => "--" + k))}";
                return;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                Error ??= $"{arg} needs a value";
                return;
            }

            _values[arg[2..]] = args[++i];
        }
    }

    public string? Error { get; private set; }

    public static CommandArguments Parse(IReadOnlyList<string> args, params string[] known) =>
        new(new HashSet<string>(known, StringComparer.OrdinalIgnoreCase), args);

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string? Required(string name)
    {
        if (!_values.TryGetValue(name, out string? value))
        {
            Error ??= $"--{name} is required";
        }

        return value;
    }

    public DateTimeOffset? Time(string name)
    {
        if (!QueryParsing.TryTime(Text(name), out var value, out string? error))
        {
            Error ??= $"--{name}: {error}";
        }

        return value;
    }

    public IReadOnlyList<AssetPair> Pairs(string name, string? quote)
    {
        List<AssetPair> pairs = [];
        foreach (string symbol in Split(Required(name)))
        {
            if (!SymbolParser.TryParse(symbol, quote, out var pair, out string? error))
            {
                Error ??= $"--{name}: '{symbol}': {error}";
                continue;
            }

            pairs.Add(pair);
        }

        return pairs;
    }

    public IReadOnlyList<CandleInterval> Intervals(string name)
    {
        List<CandleInterval> intervals = [];
        foreach (string text in Split(Required(name)))
        {
            if (!CandleIntervals.TryParse(text, out var interval))
            {
                Error ??= $"--{name}: '{text}' is not one of {string.Join(", ", CandleIntervals.Names)}";
                continue;
            }

            intervals.Add(interval.Value);
        }

        return intervals;
    }

    /// <summary>Records an error found by the command itself.</summary>
    public bool Fail(string error)
    {
        Error ??= error;
        return false;
    }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    private static string[] Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
