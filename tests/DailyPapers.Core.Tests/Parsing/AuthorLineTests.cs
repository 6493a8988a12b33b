using System.Text.RegularExpressions;
using DailyPapers.Core.Parsing;
using DailyPapers.Testing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>
/// Author lines in every syntax the archive uses or plausibly will. Beyond the examples, every real author line of the
/// seeds and the corpus is rewritten in each syntax and the whole digest parsed again: the same people must come out.
/// </summary>
public sealed partial class AuthorLineTests
{
    [Theory]
    [InlineData("Brando Miranda, Leni Aniva, Sanmi Koyejo")]
    [InlineData("['Brando Miranda', 'Leni Aniva', 'Sanmi Koyejo']")]
    [InlineData("[\"Brando Miranda\", \"Leni Aniva\", \"Sanmi Koyejo\"]")]
    [InlineData("('Brando Miranda', 'Leni Aniva', 'Sanmi Koyejo')")]
    [InlineData("[Brando Miranda, Leni Aniva, Sanmi Koyejo]")]
    [InlineData("Brando Miranda; Leni Aniva; Sanmi Koyejo")]
    [InlineData("Brando Miranda, Leni Aniva, and Sanmi Koyejo")]
    [InlineData("Brando Miranda, Leni Aniva and Sanmi Koyejo")]
    [InlineData("  Brando   Miranda ,Leni Aniva,  Sanmi Koyejo  ")]
    [InlineData("Brando\u200B Miranda, \u200ELeni Aniva\u200F, Sanmi Koyejo\u2066\u00AD")]
    [InlineData("Brando Miranda, brando miranda, Leni Aniva, LENI ANIVA, Sanmi Koyejo")]
    public void Every_syntax_names_the_same_people(string line)
    {
        var authors = AuthorLine.Read(line);

        authors.Names.Should().Equal("Brando Miranda", "Leni Aniva", "Sanmi Koyejo");
        authors.Truncated.Should().BeFalse();
    }

    [Theory]
    [InlineData("['Conor O\\'Brien', \"Dara O'Neil\", 'Ann \"Annie\" Lee']", "Conor O'Brien", "Dara O'Neil", "Ann \"Annie\" Lee")]
    [InlineData("[\"Conor O'Brien\", \"Ann \\\"Annie\\\" Lee\"]", "Conor O'Brien", "Ann \"Annie\" Lee")]
    [InlineData("Conor O\\'Brien, Jane\\_Doe", "Conor O'Brien", "Jane_Doe")]
    [InlineData("Andreas Kölle, Andreas Kolle, ANDREAS KÖLLE", "Andreas Kölle")]
    public void Quotes_escapes_and_accents_are_read_as_written(string line, params string[] expected)
    {
        AuthorLine.Read(line).Names.Should().Equal(expected);
    }

    [Theory]
    [InlineData("A One, B Two, +, C Three")]
    [InlineData("A One, B Two, C Three, +")]
    [InlineData("A One, B Two, C Three et al.")]
    [InlineData("A One, B Two, C Three, et al")]
    [InlineData("['A One', 'B Two', 'C Three', '+']")]
    [InlineData("['A One', 'B Two', 'C Three', ...]")]
    [InlineData("A One, B Two, C Three, …")]
    public void Truncation_markers_mark_the_list_and_are_not_people(string line)
    {
        var authors = AuthorLine.Read(line);

        authors.Truncated.Should().BeTrue();
        authors.Names.Should().Equal("A One", "B Two", "C Three");
    }

    public static TheoryData<string> Syntaxes => [.. Variants.Keys];

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Seed_author_lines_rewritten_in_any_syntax_name_the_same_people(string syntax)
    {
        AssertSameAuthors(Directory.GetFiles(TestPaths.SeedData, "*.md"), Variants[syntax]);
    }

    [CorpusFact]
    public void Corpus_author_lines_rewritten_in_every_syntax_name_the_same_people()
    {
        var files = Directory.GetFiles(TestPaths.Corpus, "*.md", SearchOption.AllDirectories);
        foreach (var variant in Variants.Values)
        {
            AssertSameAuthors(files, variant);
        }
    }

    /// <summary>Each syntax renders a list of names (and the truncation mark) the way a digest could write it.</summary>
    private static readonly Dictionary<string, Func<IReadOnlyList<string>, bool, string>> Variants = new()
    {
        ["python, single quotes"] = (names, more) => "[" + string.Join(", ", names.Select(n => "'" + n.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'")) + (more ? ", '+'" : "") + "]",
        ["python repr"] = (names, more) => "[" + string.Join(", ", names.Select(n => n.Contains('\'', StringComparison.Ordinal) ? "\"" + n + "\"" : "'" + n + "'")) + (more ? ", '…'" : "") + "]",
        ["json"] = (names, more) => "[" + string.Join(", ", names.Select(n => "\"" + n.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + (more ? ", \"+\"" : "") + "]",
        ["loose spacing"] = (names, more) => "  " + string.Join("  ,", names.Select(n => n.Replace(" ", "   ", StringComparison.Ordinal))) + (more ? " , + " : "  "),
        ["invisible characters"] = (names, more) => string.Join(", ", names.Select(n => "\u200E" + n.Insert(n.Length / 2, "\u200B") + "\u2069")) + (more ? ", +" : ""),
        ["final and"] = (names, more) => (names.Count > 1 ? string.Join(", ", names.Take(names.Count - 1)) + ", and " + names[^1] : string.Join("", names)) + (more ? " et al." : ""),
        ["semicolons"] = (names, more) => string.Join("; ", names) + (more ? "; +" : ""),
        ["case and accents"] = (names, more) => string.Join(", ", names.Concat(names.Select(n => n.ToUpperInvariant()))) + (more ? ", +" : ""),
    };

    private static void AssertSameAuthors(IEnumerable<string> files, Func<IReadOnlyList<string>, bool, string> variant)
    {
        var checkedLines = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var original = DigestParser.Parse(text, file);
            var rewritten = AuthorField().Replace(text, m =>
            {
                var authors = AuthorLine.Read(m.Groups[2].Value);
                checkedLines++;
                return m.Groups[1].Value + variant(authors.Names, authors.Truncated);
            });
            var parsed = DigestParser.Parse(rewritten, file);

            var expected = original.Days.SelectMany(d => d.Papers).Select(p => (p.ArxivId.Value, string.Join(" | ", p.Authors), p.AuthorsTruncated));
            var actual = parsed.Days.SelectMany(d => d.Papers).Select(p => (p.ArxivId.Value, string.Join(" | ", p.Authors), p.AuthorsTruncated));
            actual.Should().Equal(expected, $"{Path.GetFileName(file)} rewritten as:\n{string.Join('\n', AuthorField().Matches(rewritten).Take(3).Select(m => m.Value))}");
        }

        checkedLines.Should().BeGreaterThan(0);
    }

    [GeneratedRegex(@"^(Authors?:[ \t]*)(.+)$", RegexOptions.Multiline)]
    private static partial Regex AuthorField();
}
