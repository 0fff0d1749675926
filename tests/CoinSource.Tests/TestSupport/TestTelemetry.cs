using System.Diagnostics.Metrics;
using CoinSource.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CoinSource.Tests.TestSupport;

/// <summary>Real metrics and activity feed for components built by hand.</summary>
public static class TestTelemetry
{
    public static IMeterFactory MeterFactory() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static CoinSourceMetrics Metrics(IMeterFactory? meters = null) => new(meters ?? MeterFactory());
}
