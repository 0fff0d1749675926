using CoinSource.Gas;
using CoinSource.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>Gas prices on EVM chains.</summary>
public static class GasEndpoints
{
    public static IEndpointRouteBuilder MapGasEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/gas", GetGasAsync)
            .WithTags("Gas")
            .WithName("GetGas")
            .WithSummary("Gas prices in gwei: slow, standard and fast where the source gives them, and the base fee")
            .WithDescription($"chain: {string.Join(", ", EvmChains.Names)} (default ethereum). meta.source names the "
                + "source that answered.");

        return app;
    }

    internal static async Task<Results<Ok<ApiResponse<GasPrice>>, ProblemHttpResult>> GetGasAsync(
        string? chain, GasService gas, MarketAnswers answers, HttpContext context, CancellationToken cancellationToken)
    {
        if (!EvmChains.TryParse(chain ?? "ethereum", out var evm))
        {
            return ApiProblems.BadParameter("chain", $"must be one of {string.Join(", ", EvmChains.Names)}");
        }

        if (!gas.Sources(evm).Any())
        {
            return ApiProblems.NotFound($"no source serves gas prices on {evm.Name()}");
        }

        var result = await gas.GetAsync(evm, cancellationToken);
        return answers.ToResult(context, result, Capability.Gas, evm.Name(), pinned: false);
    }
}
