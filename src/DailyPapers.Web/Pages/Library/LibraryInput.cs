using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Web.Pages.Library;

/// <summary>
/// What a reader sends a library — marks (tags, note, read) as JSON or a form, a list to import — read through the
/// same door as every parameter: a bounded body, then <see cref="CleanText"/>. Each limit has a name that the problem
/// answering it carries (<c>limit</c>).
/// </summary>
internal static partial class LibraryInput
{
    /// <summary>A request body past this many bytes is refused (413) before it is read further: marks, forms and imports alike.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int MaxNoteLength = 2000;

    /// <summary>The body as text, or null when it is longer than <see cref="MaxBodyBytes"/> (whatever Content-Length said).</summary>
    public static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>One tag as stored (lower case), or an error naming what is wrong with it.</summary>
    public static bool TryTag(string? text, out string tag, out string error)
    {
        tag = (text ?? "").Trim().ToLowerInvariant();
        error = "";
        if (tag.Length == 0 || tag.Length > MaxTagLength || !CleanText.IsClean(tag, oneLine: true) || tag.Any(char.IsWhiteSpace) || CleanText.StripInvisible(tag) != tag)
        {
            error = $"'{TextLimit.Shorten(text)}' is not a tag: 1 to {MaxTagLength} characters, no spaces, controls or invisible characters.";
            return false;
        }

        return true;
    }

    /// <summary>A <c>tag</c> parameter that may be absent: true with null when it is, the tag when it is one, false with an error otherwise.</summary>
    public static bool TryOptionalTag(string? text, out string? tag, out string error)
    {
        (tag, error) = (null, "");
        if (text is null)
        {
            return true;
        }

        var ok = TryTag(text, out var parsed, out error);
        tag = ok ? parsed : null;
        return ok;
    }

    /// <summary>Tags separated by spaces or commas (a form's field), or null with an error.</summary>
    public static IReadOnlyList<string>? ParseTags(IEnumerable<string?> texts, out string error)
    {
        error = "";
        var tags = new List<string>();
        foreach (var text in texts)
        {
            foreach (var part in (text ?? "").Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!TryTag(part, out var tag, out error))
                {
                    return null;
                }

                if (!tags.Contains(tag))
                {
                    tags.Add(tag);
                }
            }
        }

        if (tags.Count > MaxTags)
        {
            error = $"A paper carries at most {MaxTags} tags (limit: tags-per-paper).";
            return null;
        }

        return tags;
    }

    public static bool TryNote(string? text, out string? note, out string error)
    {
        note = text?.Trim();
        error = "";
        if (note is null)
        {
            return true;
        }

        if (note.Length > MaxNoteLength || !CleanText.IsClean(note))
        {
            error = $"A note is at most {MaxNoteLength} characters of text without control characters (limit: note-length).";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Marks from a JSON body (<c>{"tags": ["rl"], "note": "…", "read": true}</c>, every part optional; an empty body sets
    /// nothing), or null with an error.
    /// </summary>
    public static Marks? ParseMarks(string body, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(body))
        {
            return new Marks();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException)
        {
            error = "The body is not JSON: send {\"tags\": [\"…\"], \"note\": \"…\", \"read\": true}, every part optional.";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "The body is a JSON object: {\"tags\": [\"…\"], \"note\": \"…\", \"read\": true}.";
                return null;
            }

            IReadOnlyList<string>? tags = null;
            if (root.TryGetProperty("tags", out var tagsElement) && tagsElement.ValueKind != JsonValueKind.Null)
            {
                if (tagsElement.ValueKind != JsonValueKind.Array || tagsElement.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String) || tagsElement.GetArrayLength() > MaxTags)
                {
                    error = $"tags is an array of at most {MaxTags} strings (limit: tags-per-paper).";
                    return null;
                }

                var list = new List<string>();
                foreach (var element in tagsElement.EnumerateArray())
                {
                    // In JSON each string is one tag: "two words" is refused, not split.
                    if (!TryTag(element.GetString(), out var tag, out error))
                    {
                        return null;
                    }

                    if (!list.Contains(tag))
                    {
                        list.Add(tag);
                    }
                }

                tags = list;
            }

            string? note = null;
            if (root.TryGetProperty("note", out var noteElement) && noteElement.ValueKind != JsonValueKind.Null)
            {
                if (noteElement.ValueKind != JsonValueKind.String || !TryNote(noteElement.GetString(), out note, out error))
                {
                    error = error.Length > 0 ? error : "note is a string.";
                    return null;
                }

                note ??= "";
            }

            bool? read = null;
            if (root.TryGetProperty("read", out var readElement) && readElement.ValueKind != JsonValueKind.Null)
            {
                if (readElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    error = "read is true or false.";
                    return null;
                }

                read = readElement.GetBoolean();
            }

            return new Marks(tags, note, read);
        }
    }

    /// <summary>
    /// The arXiv ids in a list of ids or links (one a line, or separated by spaces or commas: a CSV export reads too) or in
    /// a BibTeX file (its <c>eprint</c> and <c>url</c> fields), in their order, each once, without version.
    /// </summary>
    public static IReadOnlyList<string> ImportIds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match token in Token().Matches(text))
        {
            var value = token.Value.TrimEnd('.', ')', ']', '>');
            var found = ArxivId.TryFromUrl(value, out var url) && url is { } fromUrl ? fromUrl.Value
                : ArxivId.TryParse(value, out var id) ? id.Value
                : null;
            if (found is not null && seen.Add(found))
            {
                ids.Add(found);
            }
        }

        return ids;
    }

    // Runs of what an id or a link is made of: a BibTeX field's braces and quotes, a CSV's commas, spaces end a token.
    [GeneratedRegex("""[^\s,;{}"'<>|]+""", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
