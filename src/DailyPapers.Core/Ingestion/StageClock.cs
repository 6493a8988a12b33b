using System.Diagnostics;

namespace DailyPapers.Core.Ingestion;

/// <summary>The stages of an ingest, in the order a file meets them.</summary>
public enum IngestStage
{
    Scan,
    Read,
    Store,
    Derive,
    Publish,
}

/// <summary>
/// Where a run's time goes, stage by stage (<see cref="IngestReport.Stages"/>). Scan and read run on their own thread,
/// ahead of the writer, and are timed there; on the writer's thread a stage entered inside another (the store stage
/// writing a paper's search row) counts for itself alone, so the writer's stages add up to its time.
/// </summary>
internal sealed class StageClock
{
    private readonly long[] _ticks = new long[5];
    private readonly Stack<(IngestStage Stage, long Since)> _writer = new();

    /// <summary>Times a section of the writer's thread as <paramref name="stage"/>, pausing the stage it is inside.</summary>
    public Section In(IngestStage stage)
    {
        var now = Stopwatch.GetTimestamp();
        if (_writer.TryPeek(out var outer))
        {
            _ticks[(int)outer.Stage] += now - outer.Since;
        }

        _writer.Push((stage, now));
        return new Section(this);
    }

    /// <summary>How long the writer waited for the next file to be read: time it spent in no stage of its own.</summary>
    public TimeSpan WaitedForRead => Stopwatch.GetElapsedTime(0, _waited);

    private long _waited;

    /// <summary>
    /// Time the writer spent waiting for the read stage: taken out of the stage it waited in, counted on its own.
    /// </summary>
    public void Waited(long ticks)
    {
        _waited += ticks;
        if (_writer.TryPeek(out var outer))
        {
            _ticks[(int)outer.Stage] -= ticks;
        }
    }

    /// <summary>Adds time measured on the scan and read thread.</summary>
    public void Add(IngestStage stage, long ticks) => Interlocked.Add(ref _ticks[(int)stage], ticks);

    public IReadOnlyDictionary<IngestStage, TimeSpan> Totals() =>
        Enum.GetValues<IngestStage>().ToDictionary(s => s, s => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)s])));

    private void Leave()
    {
        var now = Stopwatch.GetTimestamp();
        var (stage, since) = _writer.Pop();
        _ticks[(int)stage] += now - since;
        if (_writer.TryPop(out var outer))
        {
            _writer.Push((outer.Stage, now));
        }
    }

    public readonly struct Section(StageClock clock) : IDisposable
    {
        public void Dispose() => clock.Leave();
    }
}
