namespace CoinSource.Proof;

/// <summary>A value for a query or path parameter: what it is, and how it goes into the request target.</summary>
public sealed record HostileValue(string Label, string Encoded)
{
    /// <summary>A value sent as the server will read it: every character percent-encoded.</summary>
    public static HostileValue Text(string label, string text) => new(label, Uri.EscapeDataString(text));

    /// <summary>A value written into the target as it is: its escapes reach the server's own decoding.</summary>
    public static HostileValue Raw(string label, string target) => new(label, target);

    public override string ToString() => Label;
}
