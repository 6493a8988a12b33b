using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Days;

/// <param name="PaperCount">Papers the day lists in all; <paramref name="Papers"/> holds those of page <paramref name="Page"/>.</param>
public sealed record DayView(
    DateOnly Date, string? NotesHtml, IReadOnlyList<PaperCard> Papers, DateOnly? Previous, DateOnly? Next, DateOnly Latest,
    int PaperCount, int Page, int PageCount)
{
    /// <summary>Papers on one page: far more than any real digest holds (about 60 at most), so paging is for the rare huge day.</summary>
    public const int PageSize = 100;

    /// <summary>The position of the first paper of this page in the day's list.</summary>
    public int FirstPosition => ((Page - 1) * PageSize) + 1;
}

/// <summary>The days nearest to a date that has no digest.</summary>
public sealed record NearestDays(DateOnly Requested, DateOnly? Before, DateOnly? After);

/// <summary>A day's papers in three round trips whatever the archive holds: the day with its neighbours, its papers, their authors.</summary>
public static class DayQuery
{
    /// <summary>A day with its neighbours and the latest day, as the day page reads them.</summary>
    private sealed record DayRow(int Id, string? NotesHtml, int PaperCount, DateOnly? Previous, DateOnly? Next, DateOnly Latest);

    // Compiled (bench profile: building, funcletizing and looking up the LINQ trees were a tenth of an uncached day page's CPU).
    // Each neighbour is one step along the date index (ORDER BY … LIMIT 1), not an aggregate over the days before it;
    // an aggregate without a condition (the latest day) is SQLite's one-step min/max lookup.
    private static readonly CompiledQuery<Func<PapersDbContext, DateOnly, CancellationToken, Task<DayRow?>>> DayOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, DateOnly date, CancellationToken _) => db.Days.Where(d => d.Date == date)
            .Select(d => new DayRow(
                d.Id,
                d.NotesHtml,
                d.PaperCount,
                db.Days.Where(x => x.Date < date).OrderByDescending(x => x.Date).Select(x => (DateOnly?)x.Date).FirstOrDefault(),
                db.Days.Where(x => x.Date > date).OrderBy(x => x.Date).Select(x => (DateOnly?)x.Date).FirstOrDefault(),
                db.Days.Max(x => x.Date)))
            .SingleOrDefault()));

    private static readonly CompiledQuery<Func<PapersDbContext, int, int, int, IAsyncEnumerable<CardRow>>> CardsOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, int dayId, int skip, int take) => db.Appearances.Where(a => a.DayId == dayId).OrderBy(a => a.Position)
            .Skip(skip).Take(take).Select(PaperCards.FromAppearance)));

    public static async Task<DayView?> LoadAsync(PapersDbContext db, DateOnly date, CancellationToken cancellationToken, int page = 1)
    {
        var day = await DayOf.For(db)(db, date, cancellationToken);
        if (day is null)
        {
            return null;
        }

        var pageCount = Math.Max(1, (day.PaperCount + DayView.PageSize - 1) / DayView.PageSize);
        var papers = page > pageCount
            ? []
            : await PaperCards.WithAuthorsAsync(db, await CardsOf.For(db)(db, day.Id, (page - 1) * DayView.PageSize, DayView.PageSize).ToListAsync(cancellationToken), cancellationToken);
        return new DayView(date, day.NotesHtml, papers, day.Previous, day.Next, day.Latest, day.PaperCount, page, pageCount);
    }

    /// <summary>The latest day, or null when nothing is stored yet.</summary>
    public static async Task<DayView?> LoadLatestAsync(PapersDbContext db, CancellationToken cancellationToken) =>
        await LatestAsync(db, cancellationToken) is { } latest ? await LoadAsync(db, latest, cancellationToken) : null;

    /// <summary>The latest day with a digest, or null when nothing is stored yet.</summary>
    public static Task<DateOnly?> LatestAsync(PapersDbContext db, CancellationToken cancellationToken) =>
        db.Days.MaxAsync(d => (DateOnly?)d.Date, cancellationToken);

    public static async Task<NearestDays> NearestAsync(PapersDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var before = await BeforeAsync(db, date, cancellationToken);
        var after = await AfterAsync(db, date, cancellationToken);
        return new NearestDays(date, before, after);
    }

    /// <summary>The latest day before a date: one step along the date index.</summary>
    public static Task<DateOnly?> BeforeAsync(PapersDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        db.Days.Where(d => d.Date < date).OrderByDescending(d => d.Date).Select(d => (DateOnly?)d.Date).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The earliest day after a date: one step along the date index.</summary>
    public static Task<DateOnly?> AfterAsync(PapersDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        db.Days.Where(d => d.Date > date).OrderBy(d => d.Date).Select(d => (DateOnly?)d.Date).FirstOrDefaultAsync(cancellationToken);
}
