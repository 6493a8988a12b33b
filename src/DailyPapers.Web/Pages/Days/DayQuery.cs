using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Days;

public sealed record DayView(DateOnly Date, string? NotesHtml, IReadOnlyList<PaperCard> Papers, DateOnly? Previous, DateOnly? Next, DateOnly Latest);

/// <summary>The days nearest to a date that has no digest.</summary>
public sealed record NearestDays(DateOnly Requested, DateOnly? Before, DateOnly? After);

public static class DayQuery
{
    public static async Task<DayView?> LoadAsync(PapersDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var day = await db.Days.Where(d => d.Date == date)
            .Select(d => new { d.Id, d.NotesHtml })
            .SingleOrDefaultAsync(cancellationToken);
        if (day is null)
        {
            return null;
        }

        var papers = await db.Appearances.Where(a => a.DayId == day.Id).OrderBy(a => a.Rank).Select(PaperCards.FromAppearance).ToListAsync(cancellationToken);
        var nearest = await NearestAsync(db, date, cancellationToken);
        var latest = await db.Days.MaxAsync(d => d.Date, cancellationToken);
        return new DayView(date, day.NotesHtml, papers, nearest.Before, nearest.After, latest);
    }

    /// <summary>The latest day, or null when nothing is stored yet.</summary>
    public static async Task<DayView?> LoadLatestAsync(PapersDbContext db, CancellationToken cancellationToken) =>
        await LatestAsync(db, cancellationToken) is { } latest ? await LoadAsync(db, latest, cancellationToken) : null;

    /// <summary>The latest day with a digest, or null when nothing is stored yet.</summary>
    public static Task<DateOnly?> LatestAsync(PapersDbContext db, CancellationToken cancellationToken) =>
        db.Days.MaxAsync(d => (DateOnly?)d.Date, cancellationToken);

    public static async Task<NearestDays> NearestAsync(PapersDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var before = await db.Days.Where(d => d.Date < date).MaxAsync(d => (DateOnly?)d.Date, cancellationToken);
        var after = await db.Days.Where(d => d.Date > date).MinAsync(d => (DateOnly?)d.Date, cancellationToken);
        return new NearestDays(date, before, after);
    }
}
