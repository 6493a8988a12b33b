using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;
using DailyPapers.Core.Search;

namespace DailyPapers.Core.Ingestion;

/// <summary>A scanned file after the read stage: its parsed and rendered digest with each listed paper's terms, or why it has none.</summary>
/// <param name="Terms">Each stored listing's terms, by the listing (the same <see cref="ParsedPaper"/> instance as in <see cref="Digest"/>).</param>
internal sealed record ReadFile(ScannedFile Scan, ParsedDigest? Digest = null, IReadOnlyDictionary<ParsedPaper, PaperTerms>? Terms = null, Diagnostic? Error = null)
{
    public string Relative => Scan.File.Relative;

    public StoredFile? Stored => Scan.Stored;
}

/// <summary>
/// The read stage: a file's bytes decoded (strict UTF-8), checked against the limits, parsed (<see cref="DigestParser"/>),
/// rendered (<see cref="DigestRenderer"/>), and each listed paper's text cut into terms once
/// (<see cref="PaperTerms"/>): what the derived tables are fed, so none of them reads a paper back to cut it again.
/// Touches no shared state: files are read in parallel with the store stage's writes.
/// </summary>
internal static class ReadStage
{
    // A digest with what a real one holds (a heading, a paper with TeX in its title and summary, authors, a list): read
    // once to make ready everything reading uses, KaTeX's engine first (the first file would otherwise wait for it).
    private const string Sample = """
        ## Daily Papers (2024-01-02)

        ### [VILA$^2$: Warm $x \times y$ Up](https://arxiv.org/abs/2401.00001)

        Vote: 3

        Authors: Ann Lee, 김민수

        - 요약: $\alpha$-모델은 [링크](https://example.org)를 **굵게** 씁니다.
        - Two lines of *summary*.

        """;

    private static readonly Lazy<Task<ReadFile>> Warm = new(() => Task.Run(() => Read(
        new ScannedFile(new DigestPath("warm-up.md", "warm-up.md"), null, ScanVerdict.Read, Bytes: System.Text.Encoding.UTF8.GetBytes(Sample)),
        new DateOnly(2024, 1, 2), vectors: false)));

    /// <summary>
    /// Makes the read stage ready (KaTeX's engine loaded, the parser, renderer and cutters compiled) on the thread pool,
    /// once per process: a process about to ingest starts it first, so it overlaps opening and migrating the database.
    /// </summary>
    public static Task<ReadFile> WarmUp() => Warm.Value;

    /// <param name="today">The day the run reads as today: digests dated past the end of the next year are refused.</param>
    /// <param name="vectors">Whether the search index takes word vectors (PostgreSQL) rather than tokens (SQLite's FTS5).</param>
    public static ReadFile Read(ScannedFile scan, DateOnly today, bool vectors)
    {
        if (scan.Verdict != ScanVerdict.Read)
        {
            return new ReadFile(scan, Error: scan.Error);
        }

        var relative = scan.File.Relative;
        try
        {
            var text = DigestText.TryDecode(scan.Bytes!, relative, out var decodeError, out var dropped);
            var error = decodeError ?? (text is null ? null : DigestLimits.Check(text, relative));
            if (text is null || error is not null)
            {
                return new ReadFile(scan, Error: error);
            }

            var digest = DigestRenderer.Render(DigestParser.Parse(text, relative, today));
            if (dropped.Count > 0)
            {
                digest = digest with { Diagnostics = [.. dropped, .. digest.Diagnostics] };
            }

            var terms = new Dictionary<ParsedPaper, PaperTerms>(ReferenceEqualityComparer.Instance);
            foreach (var paper in digest.Days.SelectMany(d => d.Papers))
            {
                terms[paper] = PaperTerms.Cut(paper.Title, paper.SummaryMarkdown, paper.Authors, vectors);
            }

            return new ReadFile(scan, digest, terms);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never a stack trace for bad data: whatever the parser trips on is this file's error, and the run goes on.
            // Not remembered (no file facts): a parser fix reads it again.
            return new ReadFile(scan with { Info = null }, Error: new Diagnostic(Severity.Error, relative, 0, $"the file could not be parsed ({e.GetType().Name}: {e.Message}); please report it"));
        }
    }
}
