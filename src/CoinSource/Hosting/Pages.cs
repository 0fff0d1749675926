using CoinSource.Telemetry;

namespace CoinSource.Hosting;

/// <summary>
/// The browser pages: static files from wwwroot beside the program, the dashboard at <c>/</c>, and the system
/// monitor and sources pages at their own paths. They read everything from the API, like any other client.
/// </summary>
public static class Pages
{
    private static readonly (string Path, string File)[] Named =
    [
        ("/system-monitor", "system-monitor.html"),
        ("/sources", "sources.html"),
    ];

    public static WebApplication UseCoinSourcePages(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapCoinSourcePages(this WebApplication app)
    {
        foreach (var (path, file) in Named)
        {
            string full = Path.Combine(app.Environment.WebRootPath, file);
            app.MapGet(path, () => TypedResults.PhysicalFile(full, "text/html; charset=utf-8"))
                .ExcludeFromDescription()
                .WithMetadata(new NotMonitored());
        }

        return app;
    }
}
