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
    private volatile int _subscriberCount;

    /// <summary>Whether anyone listens live: per-request events are built only then, keeping the hot path cheap.</summary>
    public bool HasSubscribers => _subscriberCount > 0;

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

    /// <summary>Pushes one event to the live subscribers without keeping it among the recent decisions.</summary>
    public void PublishLive(ActivityKind kind, string message, string? capability, string outcome, double ms,
        int status)
    {
        var activity = new ActivityEvent(Interlocked.Increment(ref _nextId), time.GetUtcNow(), kind, message, null,
            capability, outcome, ms, relay?.Instance, Status: status);
        lock (_gate)
        {
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

    /// <summary>
    /// Registers a subscriber at once, so that nothing published after this call is missed: a page that is told its
    /// stream is open must see the very next request. Dispose the subscription to stop receiving.
    /// </summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<ActivityEvent>(new BoundedChannelOptions(SubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
            _subscriberCount = _subscribers.Count;
        }

        return new Subscription(this, channel);
    }

    /// <summary>Streams every event published from now on until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<ActivityEvent> SubscribeAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = Subscribe();
        await foreach (var activity in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            yield return activity;
        }
    }

    private void Unsubscribe(Channel<ActivityEvent> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
            _subscriberCount = _subscribers.Count;
        }
    }

    /// <summary>One live subscriber: its events, until disposed.</summary>
    public sealed class Subscription(ActivityFeed feed, Channel<ActivityEvent> channel) : IDisposable
    {
        public ChannelReader<ActivityEvent> Reader => channel.Reader;

        public void Dispose() => feed.Unsubscribe(channel);
    }
}
