namespace CoinSource.Bench.Reporting;

/// <summary>The figures of one benchmark, printed as a table with each aim beside its figure.</summary>
public sealed class BenchReport(string name, string title)
{
    private readonly List<string> _notes = [];
    private readonly List<ReportRow> _rows = [];

    public string Name { get; } = name;

    public string Title { get; } = title;

    public IReadOnlyList<ReportRow> Rows => _rows;

    /// <summary>A line about how the figures were obtained.</summary>
    public void Note(string line) => _notes.Add(line);

    /// <summary>A figure that has no aim.</summary>
    public void Info(string figure, string value) => _rows.Add(new ReportRow(figure, value, "-", Verdict.Info));

    /// <summary>A figure with its aim; <paramref name="met"/> decides PASS or MISS.</summary>
    public void Aim(string figure, string value, string aim, bool met) =>
        _rows.Add(new ReportRow(figure, value, aim, met ? Verdict.Pass : Verdict.Miss));

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"== {Name}: {Title}");
        foreach (string note in _notes)
        {
            output.WriteLine($"   {note}");
        }

        output.WriteLine();
        Table.Write(output, ["figure", "value", "aim", "verdict"],
            [.. _rows.Select(r => new[] { r.Figure, r.Value, r.Aim, Label(r.Verdict) })]);
    }

    public static string Label(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Miss => "MISS",
        _ => "",
    };
}
