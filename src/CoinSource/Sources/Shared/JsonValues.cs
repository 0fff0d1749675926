using System.Globalization;
using System.Text.Json;
using CoinSource.SafeHttp;

namespace CoinSource.Sources.Shared;

/// <summary>
/// Reads numbers and times out of upstream JSON without trusting it. Exchanges send numbers as JSON numbers or as
/// strings; both are accepted, anything else (NaN, Infinity, empty, a word) is invalid data with a reason.
/// </summary>
public static class JsonValues
{
    public static JsonElement Property(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidUpstreamDataException($"expected an object holding '{name}', got {obj.ValueKind}");
        }

        return obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new InvalidUpstreamDataException($"field '{name}' is missing");
    }

    public static JsonElement? OptionalProperty(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value)
            && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement Index(JsonElement array, int index, string what)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() <= index)
        {
            throw new InvalidUpstreamDataException($"{what}: expected an array with at least {index + 1} items");
        }

        return array[index];
    }

    /// <summary>A finite decimal from a JSON number or numeric string.</summary>
    public static decimal Number(JsonElement value, string field)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDecimal(out decimal number):
                return number;
            case JsonValueKind.String when TryParse(value.GetString(), out decimal parsed):
                return parsed;
            default:
                throw new InvalidUpstreamDataException($"field '{field}' is not a finite number: {Show(value)}");
        }
    }

    public static decimal NumberOf(JsonElement obj, string name) => Number(Property(obj, name), name);

    public static decimal? OptionalNumber(JsonElement obj, string name) =>
        OptionalProperty(obj, name) is { } value ? Number(value, name) : null;

    /// <summary>A price: finite and above zero.</summary>
    public static decimal Price(JsonElement value, string field)
    {
        decimal price = Number(value, field);
        return price > 0 ? price : throw new InvalidUpstreamDataException($"field '{field}' is not positive: {price}");
    }

    public static decimal PriceOf(JsonElement obj, string name) => Price(Property(obj, name), name);

    public static long WholeNumber(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out long number) => number,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture,
            out long parsed) => parsed,
        _ => throw new InvalidUpstreamDataException($"field '{field}' is not an integer: {Show(value)}"),
    };

    public static DateTimeOffset UnixMilliseconds(JsonElement value, string field) =>
        FromUnix(WholeNumber(value, field), field, milliseconds: true);

    public static DateTimeOffset UnixSeconds(JsonElement value, string field) =>
        FromUnix(WholeNumber(value, field), field, milliseconds: false);

    public static string Text(JsonElement obj, string name)
    {
        var value = Property(obj, name);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidUpstreamDataException($"field '{name}' is not a non-empty string: {Show(value)}");
    }

    /// <summary>An ISO 8601 time such as <c>2024-03-13T11:10:41.270099Z</c>; one without an offset is UTC.</summary>
    public static DateTimeOffset IsoTime(JsonElement obj, string name)
    {
        string text = Text(obj, name);
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var time))
        {
            throw new InvalidUpstreamDataException($"field '{name}' is not an ISO 8601 time: {text}");
        }

        CheckPlausible(time.ToUnixTimeMilliseconds(), name, text);
        return time;
    }

    private static DateTimeOffset FromUnix(long value, string field, bool milliseconds)
    {
        long ms = milliseconds ? value : value * 1000;
        CheckPlausible(ms, field, value);
        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    private static void CheckPlausible(long unixMilliseconds, string field, object raw)
    {
        if (unixMilliseconds < MarketDataRules.EarliestTime.ToUnixTimeMilliseconds()
            || unixMilliseconds > MarketDataRules.LatestTime.ToUnixTimeMilliseconds())
        {
            throw new InvalidUpstreamDataException($"field '{field}' is not a plausible timestamp: {raw}");
        }
    }

    private static bool TryParse(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string Show(JsonElement value)
    {
        string raw = value.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "...";
    }
}
