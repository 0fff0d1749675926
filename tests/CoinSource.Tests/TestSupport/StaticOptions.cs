using Microsoft.Extensions.Options;

namespace CoinSource.Tests.TestSupport;

/// <summary>Options that never change, optionally chosen by name, for components built by hand in unit tests.</summary>
public sealed class StaticOptions<T>(T value, Func<string, T>? named = null) : IOptionsMonitor<T>
{
    public StaticOptions(Func<string, T> get)
        : this(get(Options.DefaultName), get)
    {
    }

    public T CurrentValue => value;

    public T Get(string? name) => named is not null && name is not null ? named(name) : value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
