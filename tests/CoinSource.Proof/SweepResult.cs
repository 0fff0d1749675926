namespace CoinSource.Proof;

/// <summary>What a bad-input sweep saw: every answer, and how the other client fared meanwhile.</summary>
public sealed record SweepResult(IReadOnlyList<ApiRoute> Routes, IReadOnlyList<SweepAnswer> Answers,
    OtherClientTally OtherClient)
{
    public int Requests => Answers.Count;

    public int ClientErrors => Answers.Count(a => a.Status is >= 400 and < 500);

    public int Successes => Answers.Count(a => a.Status is >= 200 and < 300);

    public int ServerErrors => Answers.Count(a => a.Status >= 500);

    /// <summary>Refused by the web server before the API, with an empty 4xx: allowed, counted apart.</summary>
    public int ProtocolRejections => Answers.Count(a => a.IsProtocolRejection);

    public IReadOnlyList<SweepAnswer> Violations => [.. Answers.Where(a => a.Violation is not null)];

    public int Parameters => Routes.Sum(r => r.Parameters.Count());
}
