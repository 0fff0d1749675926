using System.Globalization;

namespace CoinSource.Bench.Harness;

/// <summary>One wrk load: the same for every server compared, so that only the server differs.</summary>
public sealed record WrkLoad(int Threads, int Connections, TimeSpan Duration)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"-t{Threads} -c{Connections} -d{Duration.TotalSeconds:0}s");
}
