using DailyPapers.Web.Pages.Papers;
using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Tests.Pages.Papers;

/// <summary>BibTeX entries: TeX kept where it is TeX, and nothing in a title or a name can end its field.</summary>
public sealed class BibTexTests
{
    [Theory]
    [InlineData("Bib $}}, note={INJECTED$ end")]
    [InlineData("x}, note={INJECTED")]
    [InlineData("x\\}}, note={INJECTED")]
    [InlineData("@misc{evil, title={x}}")]
    [InlineData("$a}$ and $}{$ and {{")]
    public void Nothing_in_a_title_can_close_its_field_or_add_one(string title)
    {
        var entry = BibTex.For(Card(title, "Ann } Lee, note={X"), null);

        Fields(entry).Should().Equal(["title", "author", "year", "eprint", "archiveprefix", "url"], entry);
    }

    [Fact]
    public void Tex_whose_braces_pair_up_stays_tex()
    {
        var entry = BibTex.For(Card("SL$^{2}$A-INR and LLM$\\times$MapReduce: 50% & more", "Ann Lee"), null);

        entry.Should().Contain("title         = {{SL$^{2}$A-INR and LLM$\\times$MapReduce: 50\\% \\& more}},");
    }

    [Fact]
    public void Braces_and_backslashes_of_text_become_commands()
    {
        BibTex.For(Card("a{b}c\\d", "Ann Lee"), null).Should().Contain("title         = {{a\\textbraceleft{}b\\textbraceright{}c\\textbackslash{}d}},");
    }

    private static PaperCard Card(string title, string author) =>
        new("2401.00001", title, title, new DateOnly(2024, 1, 2), 1, null, null, null, null, "", "", "", false, [new AuthorLink(author, "ann-lee")]);

    /// <summary>The entry's field names, read as BibTeX reads them: by counting braces, whatever backslashes say.</summary>
    private static List<string> Fields(string entry)
    {
        var open = entry.IndexOf('{', StringComparison.Ordinal);
        var body = entry[(open + 1)..];
        var fields = new List<string>();
        var depth = 0;
        var start = body.IndexOf(',', StringComparison.Ordinal) + 1;
        for (var i = start; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    body[(i + 1)..].Trim().Should().BeEmpty("the entry ends at its last brace");
                    break;
                }

                depth--;
            }
            else if (c == '=' && depth == 0)
            {
                var name = body[start..i].Trim().TrimStart(',').Trim();
                fields.Add(name.ToLowerInvariant());
            }
            else if (c == ',' && depth == 0)
            {
                start = i + 1;
            }
        }

        return fields;
    }
}
