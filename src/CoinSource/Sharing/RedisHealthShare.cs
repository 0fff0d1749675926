using System.Text.Json;
using CoinSource.Health;
using StackExchange.Redis;

namespace CoinSource.Sharing;

/// <summary>
/// Source health shared through Redis: each report is published on a channel that every instance listens to, and
/// the OFFLINE ones are also kept in a hash, so that an instance starting later learns them too. The probe of an
/// OFFLINE source is claimed with a key per source and cooldown, so that one instance probes and the others wait.
/// </summary>
public sealed class RedisHealthShare(RedisLink link) : IHealthShare
{
    /// <summary>How long a claimed probe keeps others away: longer than any attempt, short if the prober dies.</summary>
    private static readonly TimeSpan ProbeClaim = TimeSpan.FromMinutes(1);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public RedisChannel Channel => link.Channel("health");

    public RedisKey States => link.Key("health");

    public void Announce(SharedHealthReport report)
    {
        if (link.Database is null)
        {
            return;
        }

        report = report with { Instance = link.Instance };
        string json = JsonSerializer.Serialize(report, Json);
        _ = link.TryAsync(db => db.PublishAsync(Channel, json));
        if (report.ThrottledUntil is not null)
        {
            return;
        }

        _ = report.State == SourceState.Offline
            ? link.TryAsync(db => db.HashSetAsync(States, report.Source, json))
            : link.TryAsync(db => db.HashDeleteAsync(States, report.Source));
    }

    public async ValueTask<bool> ClaimProbeAsync(string source, DateTimeOffset cooldownUntil)
    {
        if (link.Database is null)
        {
            return true;
        }

        var key = link.Key($"probe:{source}:{cooldownUntil.ToUnixTimeMilliseconds()}");
        bool? claimed = await link.TryAsync(async db =>
            (bool?)await db.StringSetAsync(key, link.Instance, ProbeClaim, When.NotExists));

        // Without Redis every instance decides alone, as one instance always does.
        return claimed ?? true;
    }

    /// <summary>The OFFLINE reports kept in Redis, for an instance that starts or reconnects.</summary>
    public async Task<IReadOnlyList<SharedHealthReport>> KnownAsync()
    {
        var fields = await link.TryAsync(db => db.HashGetAllAsync(States));
        return [.. (fields ?? []).Select(f => Parse(f.Value)).OfType<SharedHealthReport>()];
    }

    public static SharedHealthReport? Parse(RedisValue value)
    {
        try
        {
            return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<SharedHealthReport>((string)value!, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
