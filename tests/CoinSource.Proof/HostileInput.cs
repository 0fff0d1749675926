using System.Globalization;
using System.Text;
using CsCheck;

namespace CoinSource.Proof;

/// <summary>
/// The values a careless or hostile client sends: empty, very long, unicode, control characters, numbers out of
/// range, injection-shaped text, wrong types; and the bodies: malformed, deeply nested, huge, wrongly typed.
/// </summary>
public static class HostileInput
{
    /// <summary>Longest generated value: long enough to hurt a naive parser, within the request-line limit.</summary>
    public const int LongLength = 10_000;

    /// <summary>Every fixed hostile value; each parameter of each endpoint gets each of them once.</summary>
    public static IReadOnlyList<HostileValue> Values { get; } =
    [
        HostileValue.Text("empty", ""),
        HostileValue.Text("blank", "   "),
        HostileValue.Text("10k characters", new string('A', LongLength)),
        HostileValue.Text("2k emoji", string.Concat(Enumerable.Repeat("🚀", 2_000))),
        HostileValue.Text("right-to-left", "\u202Ebtc\u202C\u05D1\u05D9\u05D8"),
        HostileValue.Text("emoji", "💰🔥"),
        HostileValue.Text("combining marks", "B\u0301\u0302\u0303TC"),
        HostileValue.Text("control characters", "\u0001\u0007\u001B[2J\u007F"),
        HostileValue.Text("CR LF", "BTC\r\nX-Injected: 1"),
        HostileValue.Text("NUL", "BTC\u0000"),
        HostileValue.Text("BOM and noncharacter", "\uFEFF\uFFFE\uFFFF"),
        HostileValue.Raw("raw %00", "%00"),
        HostileValue.Raw("raw invalid UTF-8", "%C3%28%ED%A0%80%FF"),
        HostileValue.Raw("raw lone percent", "%"),
        HostileValue.Text("literal %00", "%00"),
        HostileValue.Text("negative", "-1"),
        HostileValue.Text("zero", "0"),
        HostileValue.Text("int overflow", "2147483648"),
        HostileValue.Text("int underflow", "-2147483649"),
        HostileValue.Text("long overflow", "99999999999999999999999"),
        HostileValue.Text("1e309", "1e309"),
        HostileValue.Text("NaN", "NaN"),
        HostileValue.Text("Infinity", "-Infinity"),
        HostileValue.Text("fraction", "1.5"),
        HostileValue.Text("hex", "0x10"),
        HostileValue.Text("SQL injection", "'; DROP TABLE quotes; --"),
        HostileValue.Text("script", "<script>alert(1)</script>"),
        HostileValue.Text("path traversal", "../../etc/passwd"),
        HostileValue.Text("template", "{{7*7}}${7*7}"),
        HostileValue.Text("format string", "%s%n%x{0}"),
        HostileValue.Text("boolean", "true"),
        HostileValue.Text("JSON object", "{\"$ne\":null}"),
        HostileValue.Text("JSON array", "[1,2]"),
        HostileValue.Text("list of blanks", ",,,"),
    ];

    /// <summary>Generated values: strings of any unicode, any integer or double as text, or a fixed hostile one.</summary>
    public static Gen<HostileValue> Generated { get; } = Gen.OneOf(
        Gen.String[Gen.Char, 0, 64].Select(s => HostileValue.Text("unicode " + Describe(s), s)),
        Gen.String[Gen.Char[(char)0, (char)31], 1, 16].Select(s => HostileValue.Text("control " + Describe(s), s)),
        Gen.Long.Select(n => HostileValue.Text("integer " + n.ToString(CultureInfo.InvariantCulture),
            n.ToString(CultureInfo.InvariantCulture))),
        Gen.Double.Select(d => HostileValue.Text("double " + d.ToString("R", CultureInfo.InvariantCulture),
            d.ToString("R", CultureInfo.InvariantCulture))),
        Gen.Int[0, Values.Count - 1].Select(i => Values[i]));

    /// <summary>Bodies for every endpoint that takes one: none is a valid request.</summary>
    public static IReadOnlyList<HostileBody> Bodies(long bodyLimit) =>
    [
        HostileBody.Json("empty", ""),
        HostileBody.Json("malformed", "{"),
        HostileBody.Json("cut short", "{\"text\":\"bitcoin rall"),
        HostileBody.Json("trailing garbage", "{\"text\":\"up\"} trailing"),
        HostileBody.Json("null", "null"),
        HostileBody.Json("a string", "\"text\""),
        HostileBody.Json("a number", "1e309"),
        HostileBody.Json("an empty array", "[]"),
        HostileBody.Json("wrong types", "{\"text\":5,\"model\":[],\"candles\":\"x\"}"),
        HostileBody.Json("wrong candle types",
            "[{\"openTime\":\"yesterday\",\"open\":\"NaN\",\"high\":1e309,\"low\":-1,\"close\":null,\"volume\":{}}]"),
        HostileBody.Json("overflowing candle",
            "[{\"openTime\":99999999999999999999,\"open\":1e400,\"high\":1,\"low\":1,\"close\":1,\"volume\":1}]"),
        HostileBody.Json("NUL in text", "{\"text\":\"\\u0000\\u0001\"}"),
        HostileBody.Json("10,000-deep arrays", new string('[', 10_000) + new string(']', 10_000)),
        HostileBody.Json("10,000-deep objects",
            string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
        HostileBody.Json("beyond the size limit", BeyondLimit(bodyLimit)),
        new HostileBody("text/plain", "text/plain", "{\"text\":\"bitcoin\"}"),
        new HostileBody("XML", "application/xml", "<text>bitcoin</text>"),
        new HostileBody("form", "application/x-www-form-urlencoded", "text=bitcoin"),
        new HostileBody("no content type", null, "{\"text\":\"bitcoin\"}"),
        new HostileBody("invalid UTF-8", "application/json; charset=utf-8", "{\"text\":\"\xC3\x28\"}"),
    ];

    private static string BeyondLimit(long bodyLimit)
    {
        var body = new StringBuilder((int)bodyLimit + 1024);
        body.Append("{\"text\":\"");
        body.Append('a', (int)bodyLimit);
        body.Append("\"}");
        return body.ToString();
    }

    private static string Describe(string text) =>
        "\"" + string.Concat(text.Take(8).Select(c => char.IsControl(c) || char.IsSurrogate(c)
            ? $"\\u{(int)c:X4}"
            : c.ToString())) + (text.Length > 8 ? "..." : "") + $"\" ({text.Length})";
}
