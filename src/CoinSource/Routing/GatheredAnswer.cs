using CoinSource.SafeHttp;

namespace CoinSource.Routing;

/// <summary>One source's answer to a gathering, not yet recorded: it may still be judged an outlier.</summary>
public sealed record GatheredAnswer<T>(string Source, UpstreamResult<T> Result, TimeSpan Elapsed)
{
    public T Value => Result.Value!;
}
