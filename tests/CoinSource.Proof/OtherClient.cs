using System.Diagnostics;
using System.Net;

namespace CoinSource.Proof;

/// <summary>
/// A well-behaved client asking for one valid path in a loop, on its own connections, while something else
/// abuses the server: it must keep getting 200s.
/// </summary>
public sealed class OtherClient : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly string _path;
    private readonly TimeSpan _pause;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _failures = [];
    private readonly List<double> _okMs = [];
    private Task? _loop;
    private int _sent;

    public OtherClient(Uri baseAddress, string path, TimeSpan pause, TimeSpan timeout)
    {
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = baseAddress,
            Timeout = timeout,
        };
        _path = path;
        _pause = pause;
    }

    /// <summary>A client already asking, with a generous timeout for a loaded machine.</summary>
    public static OtherClient StartNew(Uri baseAddress, string path, TimeSpan pause)
    {
        var client = new OtherClient(baseAddress, path, pause, TimeSpan.FromSeconds(60));
        client.Start();
        return client;
    }

    /// <summary>Requests answered so far, whatever their status.</summary>
    public int Answered
    {
        get
        {
            lock (_failures)
            {
                return _okMs.Count + _failures.Count;
            }
        }
    }

    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>Stops the loop after its current request and returns what it got.</summary>
    public async Task<OtherClientTally> StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        lock (_failures)
        {
            return new OtherClientTally(_sent, _okMs.Count, [.. _failures], [.. _okMs]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await AskOnceAsync();
            try
            {
                await Task.Delay(_pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task AskOnceAsync()
    {
        Interlocked.Increment(ref _sent);
        long started = Stopwatch.GetTimestamp();
        string? failure;
        try
        {
            // Not cancelled by the stop: a request already sent is answered and counted.
            using var response = await _client.GetAsync(new Uri(_path, UriKind.Relative), CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            failure = response.StatusCode == HttpStatusCode.OK ? null : $"status {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            failure = e.Message;
        }

        lock (_failures)
        {
            if (failure is null)
            {
                _okMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                _failures.Add(failure);
            }
        }
    }
}
