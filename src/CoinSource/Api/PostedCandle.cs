namespace CoinSource.Api;

/// <summary>A candle a client posts for computation.</summary>
public sealed record PostedCandle(DateTimeOffset OpenTime, decimal Open, decimal High, decimal Low, decimal Close,
    decimal Volume);
