using System.Net.Http.Headers;
using System.Text;

namespace CoinSource.Proof;

/// <summary>A request body that must be refused with a 4xx: what it is, its content type (or none), its text.</summary>
public sealed record HostileBody(string Label, string? ContentType, string Text)
{
    public static HostileBody Json(string label, string text) => new(label, "application/json", text);

    public HttpContent ToContent()
    {
        // Latin-1 keeps deliberately invalid UTF-8 bytes (written as \xNN) as they are.
        var content = new ByteArrayContent(Text.Any(c => c > 0x7F && c <= 0xFF)
            ? Encoding.Latin1.GetBytes(Text)
            : Encoding.UTF8.GetBytes(Text));
        if (ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }

        return content;
    }

    public override string ToString() => Label;
}
