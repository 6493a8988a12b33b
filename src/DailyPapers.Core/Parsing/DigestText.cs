using System.Text;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// Turns a digest file's bytes into text, refusing anything that is not valid UTF-8 (or UTF-16 with a BOM) and anything
/// holding NUL; the other characters no text here may hold (<see cref="CleanText"/>: controls other than tab and line
/// breaks, non-characters) are dropped, each line that held one named in a warning, so they are never stored.
/// </summary>
public static class DigestText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Lines named one by one when characters are dropped; past them, one warning counts the rest.</summary>
    public const int MaxDroppedWarnings = 10;

    /// <returns>
    /// The text, or null with <paramref name="error"/> naming the 1-based line of the first bad byte. <paramref name="warnings"/>
    /// name the lines whose forbidden characters were dropped.
    /// </returns>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, string file, out Diagnostic? error, out IReadOnlyList<Diagnostic> warnings)
    {
        warnings = [];
        var text = Decode(bytes, file, out error);
        return text is null ? null : DropForbidden(text, file, out warnings);
    }

    private static string? Decode(ReadOnlySpan<byte> bytes, string file, out Diagnostic? error)
    {
        error = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeUtf16(bytes[2..], Encoding.Unicode, file, out error);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeUtf16(bytes[2..], Encoding.BigEndianUnicode, file, out error);
        }

        var status = System.Text.Unicode.Utf8.IsValid(bytes);
        if (status)
        {
            var text = StrictUtf8.GetString(bytes);
            return ContainsNul(text, file, out error) ? null : UnixLineEndings(text);
        }

        var offset = FirstInvalidUtf8Offset(bytes);
        var line = 1 + bytes[..offset].Count((byte)'\n');
        error = new Diagnostic(Severity.Error, file, line, $"the file is not valid UTF-8 (byte 0x{bytes[offset]:X2} at offset {offset}); save it as UTF-8");
        return null;
    }

    private static string? DecodeUtf16(ReadOnlySpan<byte> bytes, Encoding encoding, string file, out Diagnostic? error)
    {
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            var text = strict.GetString(bytes);
            return ContainsNul(text, file, out error) ? null : UnixLineEndings(text);
        }
        catch (DecoderFallbackException)
        {
            error = new Diagnostic(Severity.Error, file, 0, "the file has a UTF-16 byte order mark but is not valid UTF-16");
            return null;
        }
    }

    private static string DropForbidden(string text, string file, out IReadOnlyList<Diagnostic> warnings)
    {
        var first = CleanText.IndexOfForbidden(text);
        if (first < 0)
        {
            warnings = [];
            return text;
        }

        var found = new List<Diagnostic>();
        var lineStart = text.LastIndexOf('\n', first) + 1;
        var line = 1 + text.AsSpan(0, lineStart).Count('\n');
        var more = 0;
        while (lineStart < text.Length)
        {
            var end = text.IndexOf('\n', lineStart);
            end = end < 0 ? text.Length : end;
            var lineText = text[lineStart..end];
            if (!CleanText.IsClean(lineText))
            {
                if (found.Count < MaxDroppedWarnings)
                {
                    found.Add(new Diagnostic(Severity.Warning, file, line, $"{CleanText.NameForbidden(lineText)} dropped: a digest holds no control characters (but tab and line breaks) and no non-characters"));
                }
                else
                {
                    more++;
                }
            }

            lineStart = end + 1;
            line++;
        }

        if (more > 0)
        {
            found.Add(new Diagnostic(Severity.Warning, file, 0, $"such characters were dropped from {more} more line{(more == 1 ? "" : "s")} too"));
        }

        warnings = found;
        return CleanText.Remove(text);
    }

    /// <summary>Windows (CRLF) and old Mac (CR) line endings become LF, so no stored text keeps a stray carriage return.</summary>
    private static string UnixLineEndings(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    // A NUL character means a binary file or a broken copy; markdown never holds one.
    private static bool ContainsNul(string text, string file, out Diagnostic? error)
    {
        var index = text.IndexOf('\0', StringComparison.Ordinal);
        if (index < 0)
        {
            error = null;
            return false;
        }

        var line = 1 + text.AsSpan(0, index).Count('\n');
        error = new Diagnostic(Severity.Error, file, line, "the file holds a NUL byte: it looks binary or damaged, not like a markdown digest");
        return true;
    }

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return Math.Max(0, bytes.Length - 1);
    }
}
