using DailyPapers.Core.Ingestion;

namespace DailyPapers.Core.Tests.Ingestion.Stages;

/// <summary>Files are read on workers, handed over in path order, never more than a window ahead of the writer.</summary>
public sealed class ReadAheadTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static List<DigestPath> Files(int count) => [.. Enumerable.Range(0, count).Select(i => new DigestPath($"{i:0000}.md", $"/nowhere/{i:0000}.md"))];

    private static ReadFile Read(DigestPath file) =>
        new(new ScannedFile(file, null, ScanVerdict.Unchanged));

    [Fact]
    public void Files_come_in_path_order_whatever_order_the_workers_finish_in()
    {
        var files = Files(300);
        var random = new Random(7);
        var delays = files.ToDictionary(f => f.Relative, _ => random.Next(0, 3));
        using var ahead = ReadAhead.Start(files, f =>
        {
            Thread.Sleep(delays[f.Relative]);
            return Read(f);
        }, workers: 4, CancellationToken.None);

        ahead.InOrder(_ => { }).Select(f => f.Relative).Should().Equal(files.Select(f => f.Relative));
    }

    [Fact]
    public void No_more_than_the_window_is_read_ahead_of_a_writer_that_stops_taking()
    {
        var files = Files(ReadAhead.Window * 3);
        var read = 0;
        var full = new ManualResetEventSlim();
        using var ahead = ReadAhead.Start(files, f =>
        {
            if (Interlocked.Increment(ref read) == ReadAhead.Window)
            {
                full.Set();
            }

            return Read(f);
        }, workers: 2, CancellationToken.None);
        using var handed = ahead.InOrder(_ => { }).GetEnumerator();

        handed.MoveNext().Should().BeTrue();
        full.Wait(Hang).Should().BeTrue("the workers fill the window while the writer holds the first file");
        // The first file handed over frees one place: at most one more file may be read, however long the writer waits.
        SpinWait.SpinUntil(() => Volatile.Read(ref read) > ReadAhead.Window + 1, TimeSpan.FromMilliseconds(300));
        Volatile.Read(ref read).Should().BeLessThanOrEqualTo(ReadAhead.Window + 1);
    }

    [Fact]
    public async Task A_cancelled_run_ends_the_writers_wait()
    {
        using var cancel = new CancellationTokenSource();
        using var blocked = new ManualResetEventSlim();
        using var ahead = ReadAhead.Start(Files(10), f =>
        {
            blocked.Wait(Hang);
            return Read(f);
        }, workers: 1, cancel.Token);
        var writer = Task.Run(() => ahead.InOrder(_ => { }).ToList());

        cancel.Cancel();

        var finished = await Task.WhenAny(writer, Task.Delay(Hang));
        blocked.Set();
        finished.Should().BeSameAs(writer, "cancelling ends the wait for a file");
        await writer.Invoking(w => w).Should().ThrowAsync<OperationCanceledException>();
    }
}
