using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DailyPapers.Core.Data;

/// <summary>
/// Rows for one JSON parameter (<see cref="Data.SqlDialect.Rows"/>): an array holding an array of values per row,
/// written straight to UTF-8 without boxing a value. Terms are written as they are, not as <c>\u</c> escapes. The
/// parameter is the UTF-8 bytes themselves, which the statement reads as text (<see cref="Data.SqlDialect.Json"/>): a
/// batch's summaries are not decoded into a string only to be encoded again as the parameter is bound.
/// </summary>
internal static class JsonRows
{
    // The text goes to SQL, never into a page: only what JSON itself requires is escaped (quotes, backslashes, controls).
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Of<T>(IEnumerable<T> rows, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                write(json, row);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
