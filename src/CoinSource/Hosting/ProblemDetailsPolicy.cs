using Microsoft.AspNetCore.Diagnostics;

namespace CoinSource.Hosting;

/// <summary>
/// Shapes every problem+json answer: the request path as <c>instance</c>, a plain detail for unknown routes and
/// wrong methods, and never an exception's message or stack trace.
/// </summary>
public static class ProblemDetailsPolicy
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var request = context.HttpContext.Request;
        problem.Instance ??= request.Path;
        problem.Extensions.Remove("exception");
        problem.Extensions.Remove("traceId");

        switch (problem.Status)
        {
            case StatusCodes.Status404NotFound when problem.Detail is null:
                problem.Title = "Not found";
                problem.Detail = $"no endpoint at {request.Path}; the API is described at /docs";
                break;
            case StatusCodes.Status405MethodNotAllowed:
                problem.Title = "Method not allowed";
                problem.Detail = $"{request.Method} is not allowed on {request.Path}";
                break;
            case StatusCodes.Status500InternalServerError:
                problem.Title = "Internal error";
                problem.Detail = "CoinSource failed to answer this request; the fault is logged";
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                problem.Title = "Unsupported media type";
                problem.Detail = $"the body must be application/json, got {request.ContentType ?? "no content type"}";
                break;
            case StatusCodes.Status400BadRequest when problem.Detail is null:
                problem.Detail = "the request could not be read";
                break;
            case StatusCodes.Status413PayloadTooLarge:
                problem.Title = "Body too large";
                problem.Detail = $"the body must be at most {KestrelLimits.MaxRequestBodyBytes} bytes";
                break;
        }

        // Whatever else the framework answers on its own (408 for a body that stalls, ...) still says what it is.
        if (problem.Status is >= 400 and < 500 && string.IsNullOrWhiteSpace(problem.Detail))
        {
            problem.Detail = problem.Title ?? $"the request was refused with status {problem.Status}";
        }

        // An unhandled exception's message may carry internals (paths, SQL, addresses): it never reaches the caller.
        if (context.Exception is not null || context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            problem.Title = "Internal error";
            problem.Detail = "CoinSource failed to answer this request; the fault is logged";
        }
    }
}
