using System.Diagnostics;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// The KaTeX time one file may use, measured around each call (never the wait for the shared engine). Once spent, the
/// file's remaining TeX is shown as written, and <see cref="SkippedFromLine"/> says where that began. How many spans
/// reach KaTeX is bounded before Markdig reads the file (<see cref="Parsing.DigestLimits.MaxTexDelimitersPerFile"/>);
/// this bounds what each of them costs.
/// </summary>
internal sealed class TexBudget(TimeSpan time)
{
    /// <summary>A file's KaTeX time: real digests use milliseconds.</summary>
    public static readonly TimeSpan PerFile = TimeSpan.FromSeconds(3);

    private readonly long _limit = (long)(time.TotalSeconds * Stopwatch.Frequency);
    private long _spent;

    public TimeSpan Time => time;

    /// <summary>The line of the paper (or day) whose TeX is being rendered, for the warning.</summary>
    public int Line { get; set; }

    /// <summary>TeX spans shown as written because the time was spent.</summary>
    public int Skipped { get; private set; }

    public int SkippedFromLine { get; private set; }

    /// <summary>Whether another span may go to KaTeX; if not, it is counted as skipped.</summary>
    public bool TryTake()
    {
        if (_spent < _limit)
        {
            return true;
        }

        if (Skipped++ == 0)
        {
            SkippedFromLine = Line;
        }

        return false;
    }

    public void Spend(long stopwatchTicks) => _spent += stopwatchTicks;
}
