using CoinSource.Configuration;
using CoinSource.Hosting;
using CoinSource.Sources;

var builder = WebApplication.CreateBuilder(args);

var reader = new SettingsReader(builder.Configuration);
var settings = Settings.Read(reader, SourceRegistry.Names);
if (reader.Errors.Count > 0)
{
    // One line per refused value, then stop: running on a half-understood configuration helps nobody.
    foreach (string error in reader.Errors)
    {
        await Console.Error.WriteLineAsync($"coinsource: configuration error: {error}");
    }

    return 2;
}

builder.WebHost.UseUrls($"http://{settings.Host}:{settings.Port}");
builder.AddCoinSourceLogging(settings);
builder.Services.AddCoinSource(settings);

var app = builder.Build();
app.UseCoinSource();
await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host the real application.</summary>
public partial class Program;
