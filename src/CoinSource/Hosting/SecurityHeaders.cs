namespace CoinSource.Hosting;

/// <summary>
/// Response headers that keep browsers safe with CoinSource's pages and API. The Permissions-Policy names only
/// features that browsers know, so that no page logs a warning about an unknown one.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)";

    /// <summary>Adds the headers as the answer starts, so that error answers written later carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(AddHeaders, context.Response);
            return next(context);
        });

    private static Task AddHeaders(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        return Task.CompletedTask;
    }
}
