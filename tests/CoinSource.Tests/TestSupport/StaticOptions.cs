using Microsoft.Extensions.Options;

namespace CoinSource.Tests.TestSupport;

/// <summary>Options that never change, chosen by name: enough for an adapter or the safe client outside the app.</summary>
public sealed class StaticOptions<T>(Func<string, T> get) : IOptionsMonitor<T>
{
    public T CurrentValue => get(Options.DefaultName);

    public T Get(string? name) => get(name ?? Options.DefaultName);

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
