using System.Globalization;
using CoinSource.Health;
using CoinSource.Sources;

namespace CoinSource.Sharing;

/// <summary>
/// Each source's request budget as one token bucket in Redis, taken from atomically by a script, so that all
/// instances together send a source no more than its budget.
/// </summary>
/// <remarks>
/// The bucket refills on Redis's own clock: instances' clocks differ by their drift (and a test's may be fake), and
/// a bucket refilled by whichever clock called last would gain or lose tokens with every difference.
/// </remarks>
public sealed class RedisQuotaShare(RedisLink link) : IQuotaShare
{
    private const string TakeScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local capacity = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local perMs = capacity / window
        local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(bucket[1])
        local at = tonumber(bucket[2])
        if tokens == nil or at == nil then
            tokens = capacity
            at = now
        end
        tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
        local allowed = 0
        local wait = 0
        if tokens >= 1 then
            tokens = tokens - 1
            allowed = 1
        else
            wait = math.ceil((1 - tokens) / perMs)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
        redis.call('PEXPIRE', KEYS[1], window * 2)
        return { allowed, tostring(tokens), wait }
        """;

    public async ValueTask<QuotaTake?> TryTakeAsync(string source, RequestBudget budget)
    {
        // The budget is part of the key: a changed budget starts a bucket of its own, full.
        var key = link.Key($"quota:{source}:{budget.Requests}/{(long)budget.Window.TotalSeconds}");
        var result = await link.TryAsync(db => db.ScriptEvaluateAsync(TakeScript, [key],
            [budget.Requests, (long)budget.Window.TotalMilliseconds]));
        if (result is null || result.Length != 3)
        {
            return null;
        }

        double remaining = double.Parse((string)result[1]!, CultureInfo.InvariantCulture);
        return new QuotaTake((long)result[0] == 1, remaining, TimeSpan.FromMilliseconds((long)result[2]));
    }
}
