using Microsoft.Extensions.Options;

namespace CoinSource.Tests.TestSupport;

/// <summary>An options monitor with fixed values, for components built by hand in unit tests.</summary>
public sealed class StaticOptions<T>(T value, Func<string, T>? named = null) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => named is not null && name is not null ? named(name) : value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
