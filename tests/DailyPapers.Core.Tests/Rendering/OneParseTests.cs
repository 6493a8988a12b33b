using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Rendering;

/// <summary>
/// A file is parsed by Markdig once: its summaries' HTML and plain text and its day notes are rendered from that one
/// syntax tree, so they read it alike (a reference link defined anywhere in the file resolves in each), and a hostile
/// file's cost is paid once.
/// </summary>
public sealed class OneParseTests
{
    private const string Digest = """
        ## Daily Papers (2024-01-24)

        노트: [저장소][repo].

        ### [Reference Links](https://arxiv.org/abs/2401.00010)

        - 코드는 [저장소][repo]에 있고 [사이트][site]도 있습니다.

        [repo]: https://github.com/example/repo
        [site]: https://example.org/site

        """;

    [Fact]
    public void A_summarys_plain_text_reads_the_same_tree_as_its_html()
    {
        // The definitions sit before the paper: Markdig gathers them where the first one is, outside the summary.
        const string definedFirst = """
            ## Daily Papers (2024-01-24)

            [repo]: https://github.com/example/repo
            [site]: https://example.org/site

            ### [Reference Links](https://arxiv.org/abs/2401.00010)

            - 코드는 [저장소][repo]에 있고 [사이트][site]도 있습니다.

            """;

        var paper = TestDigests.ParseAndRender(definedFirst, "refs.md").Days.Single().Papers.Single();

        paper.SummaryHtml.Should().Contain("<a href=\"https://github.com/example/repo\"");
        paper.SummaryText.Should().Be("코드는 저장소에 있고 사이트도 있습니다.", "the references resolve for the plain text too");
    }

    [Fact]
    public void Day_notes_are_stored_rendered_from_the_files_tree_where_every_reference_resolves()
    {
        using var folder = new Ingestion.IngestFolder();
        folder.Write("refs.md", Digest);

        folder.Ingest();

        using var db = folder.Context();
        var day = db.Days.Single();
        day.NotesMarkdown.Should().Be("노트: [저장소][repo].");
        day.NotesHtml.Should().Contain("<a href=\"https://github.com/example/repo\"", "[repo] is defined under the paper, outside the notes");
    }
}
