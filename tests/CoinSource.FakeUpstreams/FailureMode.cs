namespace CoinSource.FakeUpstreams;

/// <summary>Every way a fake upstream can misbehave; each is one the safe client must reject.</summary>
public enum FailureMode
{
    /// <summary>Answers correctly in the real API's format.</summary>
    None,

    /// <summary>206 Partial Content with a valid body.</summary>
    PartialContent,

    /// <summary>204 No Content.</summary>
    NoContent,

    /// <summary>200 with an empty JSON body.</summary>
    EmptyBody,

    /// <summary>200 with an HTML error page.</summary>
    Html,

    /// <summary>200, the format's content type (JSON, or XML for feeds), and a body cut in the middle.</summary>
    BrokenJson,

    /// <summary>200 with the upstream's own error envelope (Binance code/msg, Kraken error[], ...).</summary>
    ErrorPayload,

    /// <summary>429 with Retry-After.</summary>
    TooManyRequests,

    /// <summary>500 Internal Server Error.</summary>
    ServerError,

    /// <summary>Never answers until the caller gives up.</summary>
    Hang,

    /// <summary>Sends headers at once, then the body one byte at a time, slowly.</summary>
    SlowBody,

    /// <summary>A valid-looking JSON body far larger than any cap, without Content-Length.</summary>
    Oversized,

    /// <summary>The upstream's answer for a symbol it does not list.</summary>
    NotListed,

    /// <summary>The format's data with values that make no sense (high below low, negative price).</summary>
    InvalidData,

    /// <summary>A JSON body that never ends: chunks keep coming, fast, until the caller hangs up.</summary>
    NeverEndingBody,

    /// <summary>A 1 GiB JSON body with its Content-Length unset, streamed from one small buffer.</summary>
    GigabyteBody,

    /// <summary>A small body of JSON arrays nested 10,000 levels deep.</summary>
    DeepNesting,

    /// <summary>A few kilobytes with Content-Encoding: gzip that inflate to gigabytes of JSON.</summary>
    GzipBomb,

    /// <summary>The status given to <see cref="FakeUpstreamServer.FailStatus"/> (301, 403, 502...), a short body.</summary>
    Status,
}
