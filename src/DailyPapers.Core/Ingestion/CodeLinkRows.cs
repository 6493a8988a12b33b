using System.Data.Common;
using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// Keeps every stored paper's and listing's code links (<c>CodeUrls</c>) those of the current rule. The read stage
/// finds them for the files it reads; rows stored before links were kept (the migration PaperCodeUrls adds the columns
/// empty), or under an older rule (<see cref="CodeLinks.Version"/>), get theirs from their stored markdown here, first
/// thing in the next ingest, without reading a digest file again.
/// </summary>
internal static class CodeLinkRows
{
    /// <summary>The Meta entry naming the rule the stored links follow; the migration that adds the columns removes it.</summary>
    internal const string MetaKey = "CodeLinks";

    private const int RowsPerRead = 2048;

    /// <summary>Derives the links of every stored row again when they were derived by no rule or another one; returns how many rows changed.</summary>
    public static int EnsureComplete(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Text(null, $"SELECT Value FROM Meta WHERE Key = '{MetaKey}'") == CodeLinks.Version)
        {
            return 0;
        }

        using var transaction = connection.BeginTransaction();
        var changed = Derive(transaction, "Papers") + Derive(transaction, "Appearances");
        if (changed > 0)
        {
            // Every page may show a link it did not: running apps drop what they cached.
            transaction.Execute($"INSERT INTO Changes (Tag) VALUES ('{ChangeTags.Everything}')");
            SqlDialect.Of(connection).NotifyChanges(transaction);
        }

        transaction.Execute(
            $"INSERT INTO Meta (Key, Value) VALUES ('{MetaKey}', @version) ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value", ("@version", CodeLinks.Version));
        transaction.Commit();
        return changed;
    }

    /// <summary>Derives one table's links from its markdown, a few thousand rows at a time in key order; writes those that differ.</summary>
    private static int Derive(DbTransaction transaction, string table)
    {
        using var update = transaction.Connection!.Prepare($"UPDATE {table} SET CodeUrls = @urls WHERE Id = @id", "@urls", "@id");
        var changed = 0;
        var after = 0;
        while (true)
        {
            var rows = transaction.Query(
                $"SELECT Id, SummaryMarkdown, CodeUrls FROM {table} WHERE Id > @after ORDER BY Id LIMIT {RowsPerRead}",
                r => (Id: r.GetInt32(0), Markdown: r.GetString(1), Stored: r.IsDBNull(2) ? null : r.GetString(2)),
                ("@after", after));
            if (rows.Count == 0)
            {
                return changed;
            }

            // Each summary is parsed on its own: the work spreads over the cores, the writes stay on this thread.
            var derived = rows.AsParallel().AsOrdered()
                .Select(r => (r.Id, r.Stored, Urls: r.Markdown.Length == 0 ? null : CodeLinks.ToJson(SummaryCodeLinks.Of(r.Markdown))))
                .ToList();
            foreach (var (id, stored, urls) in derived)
            {
                if (!string.Equals(stored, urls, StringComparison.Ordinal))
                {
                    update.Execute(transaction, urls, id);
                    changed++;
                }
            }

            after = rows[^1].Id;
        }
    }
}
