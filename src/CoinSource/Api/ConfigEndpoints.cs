using CoinSource.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoinSource.Api;

/// <summary>The optional features, what each needs, and reloading the configuration without a restart.</summary>
public static class ConfigEndpoints
{
    public static IEndpointRouteBuilder MapConfigEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/config").WithTags("Configuration");

        api.MapGet("/features", GetFeatures)
            .WithName("GetFeatures")
            .WithSummary("Every optional feature: enabled or not and why, which variables are set and which missing")
            .WithDescription("Values are never shown: a variable is only reported as set or missing.");

        api.MapGet("/features/{name}", GetFeature)
            .WithName("GetFeature")
            .WithSummary("One optional feature");

        api.MapGet("/missing", GetMissing)
            .WithName("GetMissingVariables")
            .WithSummary("Every variable that is not set, with the feature it would enable");

        api.MapPost("/reload", Reload)
            .WithName("ReloadConfiguration")
            .WithSummary("Re-reads .env and the environment without a restart (administrative call)")
            .WithDescription("A feature that gains its variables is enabled and its sources take traffic; one that "
                + "loses them is disabled. A bad value refuses the whole reload with 400, naming the variable and "
                + "the value; the running configuration then stays as it was.")
            .AddEndpointFilter<AdminOnlyFilter>();

        return app;
    }

    internal static Ok<FeatureList> GetFeatures(SettingsStore store, ConfigurationService configuration) =>
        TypedResults.Ok(new FeatureList(new EnvFileView(configuration.EnvFilePath, configuration.EnvFileFound),
            store.Current.FeatureStatuses));

    internal static Results<Ok<FeatureStatus>, ProblemHttpResult> GetFeature(string name, SettingsStore store)
    {
        var feature = store.Current.FeatureStatuses.FirstOrDefault(f =>
            f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return feature is null
            ? ApiProblems.NotFound($"no feature named '{QueryParsing.Shorten(name)}'; known: "
                + string.Join(", ", Features.All.Select(f => f.Name)))
            : TypedResults.Ok(feature);
    }

    internal static Ok<MissingList> GetMissing(SettingsStore store) =>
        TypedResults.Ok(new MissingList([.. store.Current.FeatureStatuses
            .SelectMany(f => f.Missing.Select(v => new MissingVariable(v, f.Name, f.Description)))]));

    internal static Results<Ok<ReloadOutcome>, ProblemHttpResult> Reload(ConfigurationService configuration)
    {
        var outcome = configuration.Reload();
        return outcome.Applied
            ? TypedResults.Ok(outcome)
            : TypedResults.Problem(
                detail: $"configuration refused, nothing changed: {string.Join("; ", outcome.Errors)}",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid configuration",
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors });
    }
}

public sealed record EnvFileView(string Path, bool Found);

public sealed record FeatureList(EnvFileView EnvFile, IReadOnlyList<FeatureStatus> Features);

public sealed record MissingVariable(string Variable, string Feature, string Enables);

public sealed record MissingList(IReadOnlyList<MissingVariable> Missing);
