using System.Globalization;
using System.Text;
using DailyPapers.Web.Pages.Papers;
using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Pages.Library;

/// <summary>
/// A library (or one tag of it) as BibTeX, RIS or CSV. A paper the archive still lists is written with its title and
/// authors (BibTeX as the paper page gives it, <see cref="BibTex"/>); a paper gone from the archive with its arXiv id
/// and link alone, so nothing saved is left out. Each format reads back through the import: BibTeX by its eprint
/// fields, RIS and CSV by their links and ids.
/// </summary>
internal static class LibraryExport
{
    public static readonly IReadOnlyDictionary<string, string> MediaTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bib"] = "application/x-bibtex",
        ["ris"] = "application/x-research-info-systems",
        ["csv"] = "text/csv",
    };

    public static string Write(string format, IReadOnlyList<SavedPaper> papers, IReadOnlyDictionary<string, PaperCard> cards) => format switch
    {
        "bib" => Bib(papers, cards),
        "ris" => Ris(papers, cards),
        "csv" => Csv(papers, cards),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "bib, ris or csv"),
    };

    private static string Bib(IReadOnlyList<SavedPaper> papers, IReadOnlyDictionary<string, PaperCard> cards)
    {
        var text = new StringBuilder();
        foreach (var paper in papers)
        {
            text.Append(cards.TryGetValue(paper.ArxivId, out var card)
                ? BibTex.For(card, version: null)
                : $"@misc{{arxiv{new string([.. paper.ArxivId.Where(char.IsAsciiLetterOrDigit)])},\n  eprint        = {{{paper.ArxivId}}},\n  archivePrefix = {{arXiv}},\n  url           = {{{Links.Abs(paper.ArxivId)}}}\n}}");
            text.Append("\n\n");
        }

        return text.ToString();
    }

    private static string Ris(IReadOnlyList<SavedPaper> papers, IReadOnlyDictionary<string, PaperCard> cards)
    {
        var text = new StringBuilder();
        void Line(string tag, string value) => text.Append(CultureInfo.InvariantCulture, $"{tag}  - {OneLine(value)}\r\n");
        foreach (var paper in papers)
        {
            Line("TY", "UNPB");
            if (cards.TryGetValue(paper.ArxivId, out var card))
            {
                Line("TI", card.TitleText);
                foreach (var author in card.Authors)
                {
                    Line("AU", author.Name);
                }

                Line("PY", card.Date.Year.ToString(CultureInfo.InvariantCulture));
            }

            Line("AN", "arXiv:" + paper.ArxivId);
            Line("UR", Links.Abs(paper.ArxivId));
            foreach (var tag in paper.Tags)
            {
                Line("KW", tag);
            }

            if (paper.Note is { } note)
            {
                Line("N1", note);
            }

            Line("ER", "");
        }

        return text.ToString();
    }

    private static string Csv(IReadOnlyList<SavedPaper> papers, IReadOnlyDictionary<string, PaperCard> cards)
    {
        var text = new StringBuilder("arxiv_id,title,authors,tags,note,read,saved_utc,gone,url\r\n");
        foreach (var paper in papers)
        {
            cards.TryGetValue(paper.ArxivId, out var card);
            string[] cells =
            [
                paper.ArxivId, card?.TitleText ?? "", card is null ? "" : string.Join("; ", card.Authors.Select(a => a.Name)), string.Join(' ', paper.Tags),
                paper.Note ?? "", paper.Read ? "true" : "false", paper.SavedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                paper.Gone ? "true" : "false", Links.Abs(paper.ArxivId),
            ];
            text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// A CSV cell: quoted when it holds a comma, quote or line break; a cell a spreadsheet would run as a formula (=, +, -,
    /// @ first) is written as text with a leading apostrophe.
    /// </summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string OneLine(string value) => string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
