using System.Globalization;
using CoinSource.SafeHttp;

namespace CoinSource.Market;

/// <summary>A quote older than the allowed age by its own timestamp is stale: a data-quality failure.</summary>
public static class QuoteFreshness
{
    public static UpstreamFailure? Judge(Quote quote, DateTimeOffset now, TimeSpan maxAge)
    {
        TimeSpan age = now - quote.Timestamp;
        return age <= maxAge
            ? null
            : new UpstreamFailure(FailureKind.DataQuality, string.Create(CultureInfo.InvariantCulture,
                $"data quality: stale price, its timestamp {quote.Timestamp:O} is {age.TotalSeconds:F0} s old, "
                + $"over the {maxAge.TotalSeconds:F0} s limit"));
    }

    /// <summary>Turns a successful but stale answer into a data-quality failure, so that routing moves on.</summary>
    public static UpstreamResult<Quote> Check(UpstreamResult<Quote> result, DateTimeOffset now, TimeSpan maxAge) =>
        result.IsSuccess && Judge(result.Value, now, maxAge) is { } stale
            ? UpstreamResult<Quote>.Fail(stale, result.Bytes).From(result.Endpoint)
            : result;
}
