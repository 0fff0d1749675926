using System.Threading.Channels;

namespace CoinSource.Telemetry;

/// <summary>
/// The live stream of decisions: keeps the most recent events for newcomers and pushes each new one to every
/// subscriber. A slow subscriber loses its oldest unread events rather than slowing the request path. With a
/// relay, the events of this instance go to the others and theirs arrive here, each tagged with its instance.
/// </summary>
/// <param name="time">The clock of every event.</param>
/// <param name="relay">Carries events between instances; none when null.</param>
public sealed class ActivityFeed(TimeProvider time, IActivityRelay? relay = null)
{
    private const int Retained = 500;
    private const int SubscriberBuffer = 1000;

    private readonly Lock _gate = new();
    private readonly Queue<ActivityEvent> _recent = new();
    private readonly List<Channel<ActivityEvent>> _subscribers = [];
    private long _nextId;

    public void Publish(ActivityKind kind, string message, string? source = null, string? capability = null,
        string? outcome = null, double? ms = null, string? reportedBy = null)
    {
        var activity = new ActivityEvent(Interlocked.Increment(ref _nextId), time.GetUtcNow(), kind, message, source,
            capability, outcome, ms, relay?.Instance, reportedBy);
        Add(activity);

        // A state change another instance reported is already in every feed as that instance's event.
        if (reportedBy is null)
        {
            relay?.Send(activity);
        }
    }

    /// <summary>Adds an event another instance published; it keeps its instance and time, and gets an id here.</summary>
    public void Receive(ActivityEvent remote) => Add(remote with { Id = Interlocked.Increment(ref _nextId) });

    private void Add(ActivityEvent activity)
    {
        lock (_gate)
        {
            _recent.Enqueue(activity);
            if (_recent.Count > Retained)
            {
                _recent.Dequeue();
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(activity);
            }
        }
    }

    /// <summary>The most recent events, oldest first.</summary>
    public IReadOnlyList<ActivityEvent> Recent(int count)
    {
        lock (_gate)
        {
            return [.. _recent.Skip(Math.Max(0, _recent.Count - count))];
        }
    }

    /// <summary>Streams every event published from now on until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<ActivityEvent> SubscribeAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ActivityEvent>(new BoundedChannelOptions(SubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        try
        {
            await foreach (var activity in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return activity;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
