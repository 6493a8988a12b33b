using DailyPapers.Core.Parsing;
using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Authors;

public sealed record AuthorHit(string Name, string Slug, int PaperCount);

public sealed record AuthorSearchView(string Query, IReadOnlyList<AuthorHit> Authors, int Total)
{
    public const int Limit = 60;

    public const int MaxQueryLength = 200;
}

public static class AuthorSearchQuery
{
    /// <summary>
    /// Case- and accent-insensitive search over author names ("Kolle" finds "Kölle", "tao wa" finds "Xintao Wang"). Exact
    /// names rank first, then names starting with the query, then names with a word starting with it, then the rest; more
    /// papers first within each. An empty query lists the most prolific authors. Candidates come from the author index
    /// (<see cref="AuthorIndex"/>), never from a scan of every name.
    /// </summary>
    public static async Task<AuthorSearchView> SearchAsync(PapersDbContext db, string? query, CancellationToken cancellationToken)
    {
        var text = AuthorNames.Clean(TextLimit.Truncate(query ?? "", AuthorSearchView.MaxQueryLength));

        var folded = AuthorNames.Fold(text);
        if (folded.Length == 0)
        {
            var top = await db.Authors
                .OrderByDescending(a => a.PaperCount).ThenBy(a => a.Name)
                .Take(AuthorSearchView.Limit)
                .Select(a => new AuthorHit(a.Name, a.Slug, a.PaperCount))
                .ToListAsync(cancellationToken);
            var stored = await db.Meta.Where(m => m.Key == "AuthorCount").Select(m => m.Value).SingleOrDefaultAsync(cancellationToken);
            return new AuthorSearchView("", top, int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : top.Count);
        }

        // A name written as citations write it ("A. Siarohin", "Siarohin A", "Siarohin, Aliaksandr") is looked up by its
        // longest word and kept when its words and initials fit the name.
        var citation = CitationName.Parse(folded);
        await db.Database.OpenConnectionAsync(cancellationToken);
        (List<int> Ids, int Total) found;
        List<int> byCitation = [];
        try
        {
            var connection = db.Database.GetDbConnection();
            found = AuthorIndex.Find(connection, folded);
            if (citation is not null)
            {
                byCitation = AuthorIndex.Find(connection, citation.LongestWord).Ids;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var ids = found.Ids.Union(byCitation).ToList();
        if (ids.Count == 0)
        {
            return new AuthorSearchView(text, [], 0);
        }

        var direct = found.Ids.ToHashSet();
        var matches = (await db.Authors
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Slug, a.FoldedName, a.PaperCount })
            .ToListAsync(cancellationToken))
            .Select(a => new { a.Name, a.Slug, a.PaperCount, Tier = Tier(a.FoldedName, folded, direct.Contains(a.Id), citation) })
            .Where(a => a.Tier is not null)
            .ToList();
        var ranked = matches
            .OrderBy(a => a.Tier)
            .ThenByDescending(a => a.PaperCount)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(AuthorSearchView.Limit)
            .Select(a => new AuthorHit(a.Name, a.Slug, a.PaperCount))
            .ToList();
        return new AuthorSearchView(text, ranked, Math.Max(found.Total, matches.Count));
    }

    /// <summary>
    /// How well a name matches: 0 the whole name, 1 its start, 2 a word's start or a citation form naming every word,
    /// 3 anywhere inside or a citation form naming some of it; null for a candidate that does not match at all.
    /// </summary>
    private static int? Tier(string name, string query, bool containsQuery, CitationName? citation)
    {
        if (containsQuery)
        {
            return name == query ? 0 : name.StartsWith(query, StringComparison.Ordinal) ? 1 : name.Contains(" " + query, StringComparison.Ordinal) ? 2 : 3;
        }

        return citation?.Fit(name) switch
        {
            CitationFit.Whole => 2,
            CitationFit.Part => 3,
            _ => null,
        };
    }
}

internal enum CitationFit
{
    None,
    Part,
    Whole,
}

/// <summary>
/// A person named the way references name them: initials and a surname in either order ("A. Siarohin", "Siarohin A",
/// "A Siarohin"), or "Surname, Given". Parsed from a folded query; null when the query is not such a form.
/// </summary>
internal sealed partial record CitationName(IReadOnlyList<string> Words, IReadOnlyList<char> Initials)
{
    public string LongestWord => Words.MaxBy(w => w.Length)!;

    public static CitationName? Parse(string folded)
    {
        var comma = folded.IndexOf(',', StringComparison.Ordinal);
        var text = comma > 0 ? folded[(comma + 1)..] + " " + folded[..comma] : folded;
        var tokens = Separators().Split(text).Where(t => t.Length > 0).ToList();
        var words = tokens.Where(t => t.Length > 1).ToList();
        var initials = tokens.Where(t => t.Length == 1 && char.IsLetter(t[0])).Select(t => t[0]).ToList();
        // An initial, or a comma, makes it a citation form; plain words are the ordinary search's business.
        if ((initials.Count == 0 && comma < 0) || words.Count == 0 || words.Max(w => w.Length) < 3)
        {
            return null;
        }

        return new CitationName(words, initials);
    }

    /// <summary>Every word must be a word of the name; each initial the first letter of another of its words.</summary>
    public CitationFit Fit(string foldedName)
    {
        var remaining = Separators().Split(foldedName).Where(t => t.Length > 0).ToList();
        foreach (var word in Words)
        {
            var at = remaining.IndexOf(word);
            if (at < 0)
            {
                return CitationFit.None;
            }

            remaining.RemoveAt(at);
        }

        foreach (var initial in Initials)
        {
            var at = remaining.FindIndex(w => w[0] == initial);
            if (at < 0)
            {
                return CitationFit.None;
            }

            remaining.RemoveAt(at);
        }

        return remaining.Count == 0 ? CitationFit.Whole : CitationFit.Part;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\s.,\-]+")]
    private static partial System.Text.RegularExpressions.Regex Separators();
}
