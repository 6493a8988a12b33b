using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// The publish stage: what each batch changed, logged in its own transaction (<c>Changes</c>: <c>day:</c>,
/// <c>paper:</c>, <c>author:</c> tags) for running apps to evict exactly the pages that show it, and on PostgreSQL a
/// notification delivered as the batch commits, so every web node reads the log at once.
/// </summary>
internal sealed class PublishStage(SqlDialect sql, StageClock clock)
{
    /// <summary>Tags the batch named directly (days, and papers and authors that are gone).</summary>
    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Logs the batch's changes: its tags, and the papers and authors whose rows it wrote, by their tags.</summary>
    public void Log(DbTransaction transaction, IReadOnlyCollection<int> papers, IReadOnlyCollection<int> authors)
    {
        using var _ = clock.In(IngestStage.Publish);
        var count = Tags.Count + papers.Count + authors.Count;
        if (count > ChangeTags.MaxPerBatch)
        {
            // Past a few thousand pages, evicting them one by one costs the app more than rendering everything afresh.
            transaction.Execute($"INSERT INTO Changes (Tag) VALUES ('{ChangeTags.Everything}')");
        }
        else if (count > 0)
        {
            transaction.Execute(
                $"""
                INSERT INTO Changes (Tag)
                {sql.Texts("@tags")}
                UNION ALL SELECT 'paper:' || ArxivId FROM Papers WHERE Id IN ({sql.Ids("@papers")})
                UNION ALL SELECT 'author:' || Slug FROM Authors WHERE Id IN ({sql.Ids("@authors")})
                """,
                ("@tags", System.Text.Json.JsonSerializer.Serialize(Tags)), ("@papers", Sql.IdList(papers)), ("@authors", Sql.IdList(authors)));
        }

        if (count > 0)
        {
            // On PostgreSQL a notice delivered when this transaction commits: every web node reads the log at once.
            sql.NotifyChanges(transaction);
        }

        Tags.Clear();
    }

    /// <summary>Keeps the change log short: a running app that fell further behind than this evicts everything.</summary>
    public static void Prune(DbTransaction transaction) =>
        transaction.Execute($"DELETE FROM Changes WHERE Id <= (SELECT MAX(Id) FROM Changes) - {ChangeTags.Kept}");
}
