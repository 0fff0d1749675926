using CoinSource.Configuration;
using CoinSource.Hosting;

// The pages are copied beside the program by the build, so they are found whatever the working directory is.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

var loader = SettingsLoader.Attach(builder.Configuration);
var (settings, errors) = loader.Read();
if (errors.Count > 0)
{
    // One line per refused value, then stop: running on a half-understood configuration helps nobody.
    foreach (string error in errors)
    {
        await Console.Error.WriteLineAsync($"coinsource: configuration error: {error}");
    }

    return 2;
}

builder.WebHost.UseUrls($"http://{settings.Host}:{settings.Port}");
builder.AddCoinSourceLogging(settings);
builder.Services.AddCoinSource(settings, loader);

var app = builder.Build();
app.UseCoinSource();
await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host the real application.</summary>
public partial class Program;
