using StackExchange.Redis;

namespace CoinSource.Sharing;

/// <summary>Checks a Redis connection string at start: a typo stops the program instead of retrying silently.</summary>
public static class RedisConnectionString
{
    public static bool IsValid(string connection)
    {
        try
        {
            return ConfigurationOptions.Parse(connection).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
