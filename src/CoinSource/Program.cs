using CoinSource.Configuration;
using CoinSource.Hosting;
using CoinSource.Storage.Commands;

// "backfill" and "export" run against the same configuration and store, then exit instead of serving.
bool command = StorageCommands.IsCommand(args);

// The pages are copied beside the program by the build, so they are found whatever the working directory is.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command ? [] : args,
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
builder.AddKestrelLimits();
builder.AddCoinSourceLogging(settings);
if (command)
{
    // Warnings and errors only: the command's own output and progress bar are what the operator reads.
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

builder.Services.AddCoinSource(settings, loader);

var app = builder.Build();
if (command)
{
    return await StorageCommands.RunAsync(app.Services, args);
}

app.UseCoinSource();
await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host the real application.</summary>
public partial class Program;
