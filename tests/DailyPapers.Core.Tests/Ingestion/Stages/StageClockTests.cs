using DailyPapers.Core.Ingestion;

namespace DailyPapers.Core.Tests.Ingestion.Stages;

/// <summary>Where a run's time goes: a stage entered inside another counts for itself alone.</summary>
public sealed class StageClockTests
{
    [Fact]
    public void A_nested_stage_is_taken_out_of_the_stage_around_it()
    {
        var clock = new StageClock();
        var outer = System.Diagnostics.Stopwatch.StartNew();
        using (clock.In(IngestStage.Store))
        {
            using (clock.In(IngestStage.Derive))
            {
                Spin(TimeSpan.FromMilliseconds(30));
            }
        }

        outer.Stop();
        var totals = clock.Totals();
        totals[IngestStage.Derive].Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(30));
        (totals[IngestStage.Store] + totals[IngestStage.Derive]).Should().BeLessThanOrEqualTo(outer.Elapsed, "no time is counted twice");
        totals[IngestStage.Store].Should().BeLessThan(totals[IngestStage.Derive]);
    }

    [Fact]
    public void Time_from_the_reading_thread_adds_to_its_stage()
    {
        var clock = new StageClock();
        clock.Add(IngestStage.Read, System.Diagnostics.Stopwatch.Frequency);
        clock.Add(IngestStage.Read, System.Diagnostics.Stopwatch.Frequency);

        clock.Totals()[IngestStage.Read].Should().Be(TimeSpan.FromSeconds(2));
        clock.Totals()[IngestStage.Scan].Should().Be(TimeSpan.Zero);
    }

    private static void Spin(TimeSpan time)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < time)
        {
            Thread.SpinWait(100);
        }
    }
}
