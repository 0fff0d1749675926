using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoinSource.FakeUpstreams;

/// <summary>One upstream API's formats: its routes, its error envelope and its "not listed" answer.</summary>
public interface IFakeFormat
{
    /// <summary>The source name CoinSource uses for it: binance, kraken, ...</summary>
    string Source { get; }

    /// <summary>Maps the upstream's routes, relative to the source's base URL.</summary>
    void Map(IEndpointRouteBuilder routes, FakeMarket market);

    /// <summary>The content type of the upstream's answers; JSON unless the upstream serves feeds.</summary>
    string ContentType => "application/json";

    /// <summary>A body in the upstream's format, cut in the middle.</summary>
    string BrokenBody => "{\"symbol\":\"BTCUSDT\",\"lastPrice\":\"500";

    /// <summary>The body and status the upstream sends for an error reported with 200.</summary>
    IResult ErrorPayload();

    /// <summary>What the upstream answers for a symbol it does not list.</summary>
    IResult NotListed();

    /// <summary>A body in the upstream's format whose values make no sense.</summary>
    IResult InvalidData(HttpContext context, FakeMarket market);
}
