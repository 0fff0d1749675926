using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CoinSource.Hosting;

/// <summary>
/// One line per event, readable at a glance: time, a status mark (✓ information, ! warning, ✗ error, · debug),
/// the area, and the message.
/// </summary>
public sealed class MarkedConsoleFormatter(TimeProvider time) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "marked";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider,
        TextWriter textWriter)
    {
        string message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        string area = logEntry.Category[(logEntry.Category.LastIndexOf('.') + 1)..];
        textWriter.Write(time.GetUtcNow().ToString("HH:mm:ss ", CultureInfo.InvariantCulture));
        textWriter.Write(Mark(logEntry.LogLevel));
        textWriter.Write(' ');
        textWriter.Write(area);
        textWriter.Write(": ");
        textWriter.WriteLine(message);
        if (logEntry.Exception is not null)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
        }
    }

    private static string Mark(LogLevel level) => level switch
    {
        LogLevel.Information => "✓",
        LogLevel.Warning => "!",
        LogLevel.Error or LogLevel.Critical => "✗",
        _ => "·",
    };
}
