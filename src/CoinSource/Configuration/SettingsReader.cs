using System.Globalization;
using CoinSource.Sources;

namespace CoinSource.Configuration;

/// <summary>
/// Reads typed values from configuration (environment variables, .env), collecting every error as one line that
/// names the variable and the value, and remembering which variables were read.
/// </summary>
public sealed class SettingsReader(IConfiguration configuration)
{
    private readonly List<string> _errors = [];
    private readonly SortedSet<string> _read = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Every variable name this reader looked at.</summary>
    public IReadOnlySet<string> VariablesRead => _read;

    public string? Raw(string name)
    {
        _read.Add(name);
        string? value = configuration[name];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string Text(string name, string @default) => Raw(name) ?? @default;

    public int Number(string name, int @default, int min, int max)
    {
        string? raw = Raw(name);
        if (raw is null)
        {
            return @default;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min
            && value <= max)
        {
            return value;
        }

        return Fail(name, raw, $"a whole number from {min} to {max}", @default);
    }

    public TimeSpan Seconds(string name, TimeSpan @default, int min, int max) =>
        TimeSpan.FromSeconds(Number(name, (int)@default.TotalSeconds, min, max));

    public TimeSpan Milliseconds(string name, TimeSpan @default, int min, int max) =>
        TimeSpan.FromMilliseconds(Number(name, (int)@default.TotalMilliseconds, min, max));

    public bool Bool(string name, bool @default)
    {
        string? raw = Raw(name);
        return raw?.ToUpperInvariant() switch
        {
            null => @default,
            "TRUE" or "1" or "YES" or "ON" => true,
            "FALSE" or "0" or "NO" or "OFF" => false,
            _ => Fail(name, raw, "true or false", @default),
        };
    }

    public Uri? Url(string name)
    {
        string? raw = Raw(name);
        if (raw is null)
        {
            return null;
        }

        return Uri.TryCreate(raw, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : Fail<Uri?>(name, raw, "an absolute http or https URL", null);
    }

    /// <summary>A request budget written as requests/seconds (30/60); "none" for no limit.</summary>
    public RequestBudget? Budget(string name, RequestBudget? @default)
    {
        string? raw = Raw(name);
        if (raw is null)
        {
            return @default;
        }

        if (raw.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return RequestBudget.TryParse(raw, out var budget)
            ? budget
            : Fail(name, raw, "requests/seconds such as 30/60, or none", @default);
    }

    /// <summary>A comma-separated list of browser origins such as https://dash.example.com.</summary>
    public IReadOnlyList<string> Origins(string name)
    {
        string? raw = Raw(name);
        if (raw is null)
        {
            return [];
        }

        List<string> origins = [];
        foreach (string part in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/"
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return Fail<IReadOnlyList<string>>(name, raw, "comma-separated origins such as https://example.com", []);
            }

            origins.Add(uri.GetLeftPart(UriPartial.Authority));
        }

        return origins;
    }

    /// <summary>Records an error found outside a single variable (an unreadable .env file).</summary>
    public void AddError(string error) => _errors.Add(error);

    public T Choice<T>(string name, T @default, IReadOnlyDictionary<string, T> choices)
    {
        string? raw = Raw(name);
        if (raw is null)
        {
            return @default;
        }

        return choices.TryGetValue(raw, out var value)
            ? value
            : Fail(name, raw, $"one of {string.Join(", ", choices.Keys)}", @default);
    }

    private T Fail<T>(string name, string raw, string expected, T fallback)
    {
        string shown = raw.Length <= 60 ? raw : raw[..60] + "...";
        _errors.Add($"{name}={shown} is not valid: expected {expected}");
        return fallback;
    }
}
