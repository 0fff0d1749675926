using CoinSource.FakeUpstreams;

namespace CoinSource.Bench.Chaos;

/// <summary>One way an upstream fails during a chaos episode: its name, how the fake plays it, its effect.</summary>
public sealed record ChaosKind(string Name, Action<FakeUpstreamServer, string> Apply, ChaosEffect Effect)
{
    /// <summary>How long a 429 storm's Retry-After asks the source to be left alone.</summary>
    public static readonly TimeSpan StormRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>Every failure kind, in the order the schedule deals them out to the sources.</summary>
    public static IReadOnlyList<ChaosKind> All { get; } =
    [
        Outage("HTTP 500", FailureMode.ServerError),
        Outage("hang", FailureMode.Hang),
        new("429 storm", (f, s) => f.Fail(s, FailureMode.TooManyRequests, retryAfter: StormRetryAfter),
            ChaosEffect.Throttle),
        Outage("broken JSON", FailureMode.BrokenJson),
        Status(503),
        new("flapping (1 in 3 HTTP 500)", (f, s) => f.Flap(s, FailureMode.ServerError), ChaosEffect.Flap),
        Outage("slow body", FailureMode.SlowBody),
        Outage("error payload with 200", FailureMode.ErrorPayload),
        new("not listed", (f, s) => f.Fail(s, FailureMode.NotListed), ChaosEffect.NotListed),
        Outage("oversized body (64 MiB)", FailureMode.Oversized),
        Outage("HTTP 204", FailureMode.NoContent),
        Outage("HTTP 206", FailureMode.PartialContent),
        Outage("HTML with 200", FailureMode.Html),
        Outage("empty body", FailureMode.EmptyBody),
        Outage("invalid data", FailureMode.InvalidData),
        Outage("gzip bomb", FailureMode.GzipBomb),
        Outage("1 GiB body", FailureMode.GigabyteBody),
        Outage("10,000-deep JSON", FailureMode.DeepNesting),
        Outage("never-ending body", FailureMode.NeverEndingBody),
        Status(403),
        Status(301),
        new("flapping (1 in 3 broken JSON)", (f, s) => f.Flap(s, FailureMode.BrokenJson), ChaosEffect.Flap),
        Status(502),
        Status(404),
    ];

    private static ChaosKind Outage(string name, FailureMode mode) =>
        new(name, (f, s) => f.Fail(s, mode), ChaosEffect.Outage);

    private static ChaosKind Status(int status) =>
        new($"HTTP {status}", (f, s) => f.FailStatus(s, status), ChaosEffect.Outage);
}
