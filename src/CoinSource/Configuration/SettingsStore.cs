using Microsoft.Extensions.Options;

namespace CoinSource.Configuration;

/// <summary>Holds the settings in force, and hands each part to the components as options.</summary>
public sealed class SettingsStore(Settings initial)
{
    private Settings _current = initial;

    public event Action<Settings>? Changed;

    public Settings Current => Volatile.Read(ref _current);

    /// <summary>Puts new settings in force; components read them on their next use.</summary>
    public void Replace(Settings settings)
    {
        Volatile.Write(ref _current, settings);
        Changed?.Invoke(settings);
    }
}

/// <summary>An options monitor whose values are a projection of the settings in force.</summary>
internal sealed class SettingsMonitor<T>(SettingsStore store, Func<Settings, string, T> select) : IOptionsMonitor<T>
{
    public T CurrentValue => select(store.Current, Options.DefaultName);

    public T Get(string? name) => select(store.Current, name ?? Options.DefaultName);

    public IDisposable OnChange(Action<T, string?> listener)
    {
        void Handler(Settings settings) => listener(select(settings, Options.DefaultName), Options.DefaultName);
        store.Changed += Handler;
        return new Subscription(() => store.Changed -= Handler);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
