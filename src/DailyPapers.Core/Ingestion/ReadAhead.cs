using System.Diagnostics;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// Runs the scan and read stages on worker threads, ahead of the writer, and hands the files over in path order. At
/// most <see cref="Window"/> files are being read or waiting to be written at any time, whatever the archive's size:
/// a read file holds its parsed text, HTML and terms, and an unbounded lead (PLINQ's ordered merge buffers as far ahead
/// as its producers run) held most of a large archive in memory at once.
/// </summary>
internal sealed class ReadAhead : IDisposable
{
    /// <summary>Files read ahead of the writer at most.</summary>
    public const int Window = 64;

    private readonly IReadOnlyList<DigestPath> _files;
    private readonly Func<DigestPath, ReadFile> _read;
    private readonly TaskCompletionSource<ReadFile>[] _slots;
    private readonly SemaphoreSlim _room = new(Window);
    private readonly CancellationTokenSource _stop;
    private readonly Task[] _workers;
    private readonly CancellationTokenRegistration _cancelled;
    private int _next = -1;

    private ReadAhead(IReadOnlyList<DigestPath> files, Func<DigestPath, ReadFile> read, int workers, CancellationToken cancellationToken)
    {
        _files = files;
        _read = read;
        _slots = new TaskCompletionSource<ReadFile>[files.Count];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new TaskCompletionSource<ReadFile>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A cancelled run ends the writer's wait too, even for a file no worker will now take.
        _cancelled = cancellationToken.Register(() =>
        {
            foreach (var slot in _slots)
            {
                slot?.TrySetCanceled(cancellationToken);
            }
        });
        _workers = [.. Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(Work, _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
    }

    /// <summary>Starts reading <paramref name="files"/> with <paramref name="read"/> on <paramref name="workers"/> threads.</summary>
    public static ReadAhead Start(IReadOnlyList<DigestPath> files, Func<DigestPath, ReadFile> read, int workers, CancellationToken cancellationToken) =>
        new(files, read, Math.Max(1, workers), cancellationToken);

    /// <summary>
    /// The read files in path order; <paramref name="waited"/> is told how long the writer waited for each. A worker's
    /// failure (never a file's: those are reported per file) is thrown here.
    /// </summary>
    public IEnumerable<ReadFile> InOrder(Action<long> waited)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            var since = Stopwatch.GetTimestamp();
            var file = _slots[i].Task.GetAwaiter().GetResult();
            waited(Stopwatch.GetTimestamp() - since);
            // Its slot is handed over: the file after the window's end may be read.
            _slots[i] = null!;
            _room.Release();
            yield return file;
        }
    }

    private void Work()
    {
        while (true)
        {
            try
            {
                _room.Wait(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var index = Interlocked.Increment(ref _next);
            if (index >= _files.Count)
            {
                return;
            }

            var slot = _slots[index];
            try
            {
                // Try: a slot the writer gave up on (Dispose) is already cancelled.
                slot.TrySetResult(_read(_files[index]));
            }
            catch (Exception e)
            {
                slot.TrySetException(e);
                _stop.Cancel();
                return;
            }
        }
    }

    public void Dispose()
    {
        // Stopped early (cancellation, or the writer failed): the workers end once their file is read.
        _cancelled.Dispose();
        _stop.Cancel();
        foreach (var slot in _slots)
        {
            slot?.TrySetCanceled();
        }

        Task.WaitAll(_workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray());
        _stop.Dispose();
        _room.Dispose();
    }
}
