namespace CoinSource.SafeHttp;

/// <summary>What went wrong with one upstream attempt. The kind decides how source health counts it.</summary>
public enum FailureKind
{
    /// <summary>Any status other than 200: 204, 206, a 3xx left over, 4xx, 5xx.</summary>
    BadStatus,

    /// <summary>The content type is not the one the adapter parses.</summary>
    WrongContentType,

    /// <summary>A 200 with no body.</summary>
    EmptyBody,

    /// <summary>The body is larger than the configured cap.</summary>
    BodyTooLarge,

    /// <summary>The body does not parse as the expected format.</summary>
    Unparsable,

    /// <summary>An error object that the upstream sent with status 200.</summary>
    ErrorPayload,

    /// <summary>The body parsed but its values make no sense (missing field, negative price, high below low...).</summary>
    InvalidData,

    /// <summary>
    /// The answer is well-formed and plausible on its own, but wrong next to the others or too old: a price far from
    /// the median of the other sources, a timestamp long past. Counts against health like any other failure.
    /// </summary>
    DataQuality,

    /// <summary>No complete answer within the attempt timeout.</summary>
    Timeout,

    /// <summary>The connection failed: refused, reset, DNS, TLS.</summary>
    Network,

    /// <summary>429: the upstream asked to be left alone for a while. Throttles, does not count as an outage.</summary>
    Throttled,

    /// <summary>The source answered correctly that it does not list this symbol. Not a health failure.</summary>
    NotListed,

    /// <summary>The caller went away before the answer came. Not the source's fault.</summary>
    Cancelled,
}
