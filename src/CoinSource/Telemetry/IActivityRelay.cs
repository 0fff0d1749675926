namespace CoinSource.Telemetry;

/// <summary>Carries this instance's activity events to the other instances.</summary>
public interface IActivityRelay
{
    /// <summary>This instance's name, which tags each of its events.</summary>
    string Instance { get; }

    /// <summary>Sends one event; never waits and never fails the caller.</summary>
    void Send(ActivityEvent activity);
}
