using System.Text;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>
/// A digest's bytes become text only when they are real text: UTF-8, or UTF-16 that says so with a byte order mark; the
/// characters no text may hold are dropped from it, each line that held one named.
/// </summary>
public sealed class DigestTextTests
{
    private const string Day = "## Daily Papers (2024-05-01)\n\n- 요약.\n";

    [Fact]
    public void Utf8_is_read_as_written()
    {
        DigestText.TryDecode(Encoding.UTF8.GetBytes(Day), "a.md", out var error, out _).Should().Be(Day);
        error.Should().BeNull();
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_dropped()
    {
        DigestText.TryDecode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Day)], "a.md", out var error, out _).Should().Be(Day);
        error.Should().BeNull();
    }

    [Fact]
    public void Utf16_in_either_byte_order_is_read_by_its_byte_order_mark()
    {
        DigestText.TryDecode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Day)], "le.md", out var little, out _).Should().Be(Day);
        DigestText.TryDecode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Day)], "be.md", out var big, out _).Should().Be(Day);
        little.Should().BeNull();
        big.Should().BeNull();
    }

    [Fact]
    public void Utf16_line_endings_become_unix_ones_too()
    {
        DigestText.TryDecode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a\r\nb\rc\n")], "le.md", out _, out _).Should().Be("a\nb\nc\n");
    }

    [Fact]
    public void Broken_utf16_after_its_byte_order_mark_is_an_error_for_the_whole_file()
    {
        // A lone high surrogate (D800) followed by an ordinary character is not UTF-16.
        DigestText.TryDecode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], "bad.md", out var error, out _).Should().BeNull();

        error.Should().Be(new Diagnostic(Severity.Error, "bad.md", 0, "the file has a UTF-16 byte order mark but is not valid UTF-16"));
    }

    [Fact]
    public void Invalid_utf8_is_an_error_at_the_line_and_offset_of_its_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("## Daily Papers\n\n- 가나\n- x").Concat(new byte[] { 0xC3, 0x28, 0x0A }).ToArray();

        DigestText.TryDecode(bytes, "latin1.md", out var error, out _).Should().BeNull();

        error!.ToString().Should().Be($"latin1.md:4: error: the file is not valid UTF-8 (byte 0xC3 at offset {bytes.Length - 3}); save it as UTF-8");
    }

    [Fact]
    public void A_truncated_utf8_sequence_at_the_very_end_is_found_at_its_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("ab\n").Concat(new byte[] { 0xEA, 0xB0 }).ToArray();

        DigestText.TryDecode(bytes, "cut.md", out var error, out _).Should().BeNull();

        error!.Line.Should().Be(2);
        error.Message.Should().Contain("(byte 0xEA at offset 3)");
    }

    [Fact]
    public void A_nul_byte_makes_the_file_binary_and_is_reported_at_its_line()
    {
        DigestText.TryDecode(Encoding.UTF8.GetBytes("line one\nline two\nthree\0\n"), "bin.md", out var error, out _).Should().BeNull();

        error.Should().Be(new Diagnostic(Severity.Error, "bin.md", 3, "the file holds a NUL byte: it looks binary or damaged, not like a markdown digest"));
    }

    [Fact]
    public void A_nul_character_in_utf16_is_reported_too()
    {
        DigestText.TryDecode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a\nb\0")], "bin16.md", out var error, out _).Should().BeNull();

        error!.Line.Should().Be(2);
        error.Message.Should().StartWith("the file holds a NUL byte");
    }

    [Fact]
    public void An_empty_file_is_empty_text()
    {
        DigestText.TryDecode([], "empty.md", out var error, out _).Should().Be("");
        error.Should().BeNull();
    }

    [Fact]
    public void Control_characters_and_non_characters_are_dropped_with_a_warning_naming_file_and_line()
    {
        var text = "## Daily Papers (2024-05-01)\n\n### [A\u0001 Title\u001F](https://arxiv.org/abs/2405.00001)\n\tkept tab\n- 요약\u0085 \uFFFE끝\u007F\n";

        DigestText.TryDecode(Encoding.UTF8.GetBytes(text), "ctl.md", out var error, out var warnings)
            .Should().Be("## Daily Papers (2024-05-01)\n\n### [A Title](https://arxiv.org/abs/2405.00001)\n\tkept tab\n- 요약 끝\n");

        error.Should().BeNull();
        warnings.Should().Equal(
            new Diagnostic(Severity.Warning, "ctl.md", 3, "U+0001, U+001F dropped: a digest holds no control characters (but tab and line breaks) and no non-characters"),
            new Diagnostic(Severity.Warning, "ctl.md", 5, "U+0085, U+FFFE, U+007F dropped: a digest holds no control characters (but tab and line breaks) and no non-characters"));
    }

    [Fact]
    public void Utf16_loses_them_too()
    {
        DigestText.TryDecode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a\nb\u0002\uFDD0")], "ctl16.md", out var error, out var warnings).Should().Be("a\nb");

        error.Should().BeNull();
        warnings.Should().ContainSingle().Which.Line.Should().Be(2);
    }

    [Fact]
    public void Past_ten_lines_one_warning_counts_the_rest()
    {
        var text = string.Concat(Enumerable.Range(1, 25).Select(i => $"line {i}\u0001\n"));

        DigestText.TryDecode(Encoding.UTF8.GetBytes(text), "many.md", out _, out var warnings)!.Should().NotContain("\u0001");

        warnings.Select(w => w.Line).Should().Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0]);
        warnings[^1].Message.Should().Be("such characters were dropped from 15 more lines too");
    }

    [Fact]
    public void A_nul_still_refuses_the_file_rather_than_being_dropped()
    {
        DigestText.TryDecode(Encoding.UTF8.GetBytes("a\u0001\nb\0"), "bin.md", out var error, out var warnings).Should().BeNull();

        error!.Line.Should().Be(2);
        warnings.Should().BeEmpty();
    }
}
