namespace CoinSource.Bench.Reporting;

/// <summary>Writes rows as left-aligned columns, each as wide as its widest cell.</summary>
public static class Table
{
    private const string Indent = "   ";
    private const string Gap = "  ";

    public static void Write(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        int[] widths = [.. header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max())];

        output.WriteLine(Line(header, widths));
        output.WriteLine(Line([.. widths.Select(w => new string('-', w))], widths));
        foreach (string[] row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        Indent + string.Join(Gap, cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
