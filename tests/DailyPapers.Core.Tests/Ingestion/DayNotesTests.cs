using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>A day's notes (text that belongs to no paper) are stored as written and rendered; notes that render to nothing have no HTML.</summary>
public sealed class DayNotesTests
{
    private const string Paper = "### [A paper](https://arxiv.org/abs/2401.00001)\n\nVote: 1\n\n- A summary.\n";

    private static (string? Markdown, string? Html) NotesOf(string digest)
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", digest);
        folder.Ingest().DaysStored.Should().Be(1);
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT NotesMarkdown, NotesHtml FROM Days";
        using var reader = command.ExecuteReader();
        reader.Read().Should().BeTrue();
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    [Fact]
    public void Notes_are_kept_and_rendered()
    {
        var (markdown, html) = NotesOf($"## Daily Papers (2024-01-17)\n\nA holiday: fewer papers today.\n\n{Paper}");

        markdown.Should().Be("A holiday: fewer papers today.");
        html.Should().Be("<p>A holiday: fewer papers today.</p>\n");
    }

    [Fact]
    public void Notes_that_render_to_nothing_keep_their_text_but_no_html()
    {
        var (markdown, html) = NotesOf($"## Daily Papers (2024-01-17)\n\n[ref]: https://example.org/\n\n{Paper}");

        markdown.Should().Be("[ref]: https://example.org/");
        html.Should().BeNull("a day page shows no empty notes box");
    }

    [Fact]
    public void A_day_without_notes_has_neither()
    {
        NotesOf($"## Daily Papers (2024-01-17)\n\n{Paper}").Should().Be(((string?)null, (string?)null));
    }
}

/// <summary>Two people whose names make the same URL slug get distinct slugs, in one ingest or across two.</summary>
public sealed class AuthorSlugTests
{
    private static string Day(string date, string id, string authors) =>
        $"## Daily Papers ({date})\n\n### [A paper](https://arxiv.org/abs/{id})\n\nVote: 1\n\nAuthors: {authors}\n\n- A summary.\n";

    private static Dictionary<string, string> Slugs(IngestFolder folder)
    {
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Name, Slug FROM Authors";
        using var reader = command.ExecuteReader();
        var slugs = new Dictionary<string, string>();
        while (reader.Read())
        {
            slugs[reader.GetString(0)] = reader.GetString(1);
        }

        return slugs;
    }

    [Fact]
    public void A_later_ingest_numbers_a_slug_taken_by_an_earlier_one()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day("2024-01-17", "2401.00001", "Ann Lee"));
        folder.Ingest();
        folder.Write("b.md", Day("2024-01-18", "2401.00002", "Ann-Lee"));
        folder.Write("c.md", Day("2024-01-19", "2401.00003", "Ann_Lee"));

        folder.Ingest().Errors.Should().Be(0);

        Slugs(folder).Should().BeEquivalentTo(new Dictionary<string, string> { ["Ann Lee"] = "ann-lee", ["Ann-Lee"] = "ann-lee-2", ["Ann_Lee"] = "ann-lee-3" });
    }
}
