namespace CoinSource.Storage.Commands;

/// <summary>
/// The program's commands beside serving: <c>backfill</c> and <c>export</c>. Exit codes: 0 done, 1 a series could
/// not be completed or there was nothing to export, 2 refused arguments, 130 interrupted (run again to resume).
/// </summary>
public static class StorageCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "backfill" or "export";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C stops after the page in flight; everything committed so far stays.
            e.Cancel = true;
            interrupt.Cancel();
        };

        string command = args[0];
        var options = args.Skip(1).ToList();
        var store = services.GetRequiredService<IMarketStore>();

        // The writer keeps the health record of the calls a backfill makes; stopping it drains what it holds.
        var writer = services.GetRequiredService<StorageWriter>();
        try
        {
            await store.MigrateAsync(interrupt.Token);
            await writer.StartAsync(CancellationToken.None);
            return command == "backfill"
                ? await ActivatorUtilities.CreateInstance<BackfillCommand>(services).RunAsync(options, Console.Out,
                    total => new ProgressBar(Console.Error, !Console.IsErrorRedirected, total), interrupt.Token)
                : await ActivatorUtilities.CreateInstance<ExportCommand>(services).RunAsync(options, Console.Out,
                    interrupt.Token);
        }
        catch (CommandException e)
        {
            await Console.Error.WriteLineAsync($"coinsource {command}: {e.Message}");
            await Console.Error.WriteLineAsync(
                $"usage: {(command == "backfill" ? BackfillCommand.Usage : ExportCommand.Usage)}");
            return 2;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"coinsource {command}: interrupted; what was stored stays, and "
                + "running the same command again resumes");
            return 130;
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }
    }
}
