using System.Globalization;

namespace CoinSource.Storage.Commands;

/// <summary>
/// A progress bar on standard error, redrawn in place on a terminal; where standard error is a file or a pipe,
/// one line per tenth done instead, so logs stay readable.
/// </summary>
public sealed class ProgressBar(TextWriter output, bool interactive, long total)
{
    private const int Width = 30;

    private long _done;
    private int _lastTenth = -1;

    public long Done => _done;

    public void Advance(long count, string status)
    {
        _done = Math.Min(total, _done + count);
        Draw(status);
    }

    public void Draw(string status)
    {
        double fraction = total == 0 ? 1 : (double)_done / total;
        if (interactive)
        {
            int filled = (int)(fraction * Width);
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {_done}/{total} {status}\u001b[K"));
            return;
        }

        int tenth = (int)(fraction * 10);
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fraction,4:P0} {_done}/{total} {status}"));
        }
    }

    public void Finish()
    {
        if (interactive)
        {
            output.WriteLine();
        }
    }
}
