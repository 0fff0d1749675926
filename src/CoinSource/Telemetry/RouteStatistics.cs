using System.Collections.Concurrent;

namespace CoinSource.Telemetry;

/// <summary>
/// The server's own measurements of its API routes: calls, errors and latency per route since start, and the
/// requests of the last minute over all routes. Fed by <see cref="RequestMonitor"/>; read by the live monitor and
/// the status widget.
/// </summary>
public sealed class RouteStatistics(TimeProvider time)
{
    // Keyed by the endpoint object itself: a reference hash, where hashing the route text would cost more than all
    // the counting on the path of a cached answer.
    private readonly ConcurrentDictionary<(Endpoint Endpoint, string Method), RouteCounters> _routes =
        new(new EndpointKeyComparer());
    private readonly MinuteWindow _lastMinute = new();

    /// <param name="endpoint">The endpoint that answered.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="route">The endpoint's route pattern.</param>
    /// <param name="status">The answer's status.</param>
    /// <param name="finished">When the answer ended, as a timestamp of the injected clock.</param>
    /// <param name="elapsed">How long the request took.</param>
    public void Record(Endpoint endpoint, string method, string route, int status, long finished, TimeSpan elapsed)
    {
        long microseconds = (long)elapsed.TotalMicroseconds;
        var counters = _routes.GetOrAdd((endpoint, method),
            static (_, name) => new RouteCounters(name.Method, name.Route), (Method: method, Route: route));
        counters.Record(status, microseconds);
        _lastMinute.Record(finished / time.TimestampFrequency, microseconds);
    }

    /// <summary>Requests answered in the last 60 seconds, and their average latency.</summary>
    public (long Requests, double? AverageMs) LastMinute() =>
        _lastMinute.Read(time.GetTimestamp() / time.TimestampFrequency);

    /// <summary>Every route that has been called, busiest first.</summary>
    public IReadOnlyList<RouteFigures> Routes() =>
        [.. _routes.Values
            .Select(counters => counters.Figures())
            .OrderByDescending(r => r.Calls)
            .ThenBy(r => r.Route, StringComparer.Ordinal)];

    private sealed class EndpointKeyComparer : IEqualityComparer<(Endpoint Endpoint, string Method)>
    {
        public bool Equals((Endpoint Endpoint, string Method) x, (Endpoint Endpoint, string Method) y) =>
            ReferenceEquals(x.Endpoint, y.Endpoint) && string.Equals(x.Method, y.Method, StringComparison.Ordinal);

        public int GetHashCode((Endpoint Endpoint, string Method) key) =>
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Endpoint) ^ key.Method.Length;
    }

    private sealed class RouteCounters(string method, string route)
    {
        private long _calls;
        private long _serverErrors;
        private long _clientErrors;
        private long _microseconds;
        private long _maxMicroseconds;

        public void Record(int status, long microseconds)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _microseconds, microseconds);
            if (status >= 500)
            {
                Interlocked.Increment(ref _serverErrors);
            }
            else if (status >= 400)
            {
                Interlocked.Increment(ref _clientErrors);
            }

            long max = Volatile.Read(ref _maxMicroseconds);
            while (microseconds > max)
            {
                long seen = Interlocked.CompareExchange(ref _maxMicroseconds, microseconds, max);
                if (seen == max)
                {
                    break;
                }

                max = seen;
            }
        }

        public RouteFigures Figures()
        {
            long calls = Volatile.Read(ref _calls);
            long serverErrors = Volatile.Read(ref _serverErrors);
            return new RouteFigures(
                method,
                route,
                calls,
                serverErrors,
                Volatile.Read(ref _clientErrors),
                calls == 0 ? 0 : Math.Round((double)serverErrors / calls, 4),
                calls == 0 ? 0 : Math.Round(Volatile.Read(ref _microseconds) / 1000.0 / calls, 2),
                Math.Round(Volatile.Read(ref _maxMicroseconds) / 1000.0, 2));
        }
    }
}

/// <summary>
/// One API route as the server measured it since start. ServerErrors are answers with a 5xx status (the gateway
/// could not serve, 503 when no source could), ClientErrors those with a 4xx (the request was refused); ErrorRate
/// is ServerErrors over calls, 0 to 1.
/// </summary>
public sealed record RouteFigures(string Method, string Route, long Calls, long ServerErrors, long ClientErrors,
    double ErrorRate, double AverageMs, double MaxMs);
