using System.Globalization;
using System.Text.Json;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// How a file's diagnostics are kept in the database (<c>RejectedFiles.Errors</c>, <c>SourceFiles.Warnings</c>): a JSON
/// array of <c>{"line", "severity", "message"}</c>, the file named by the row. Logs written by earlier versions (one
/// diagnostic per line, "line TAB severity TAB message") are still read.
/// </summary>
internal static class RejectionLog
{
    private sealed record Entry(int Line, string Severity, string Message);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IEnumerable<Diagnostic> diagnostics) =>
        JsonSerializer.Serialize(diagnostics.Select(d => new Entry(d.Line, d.Severity == Severity.Error ? "error" : "warning", d.Message)), Json);

    public static List<Diagnostic> Read(string file, string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var diagnostics = log.StartsWith('[') ? FromJson(file, log) : FromLines(file, log);
        if (diagnostics.Count == 0)
        {
            // A log this version cannot read still says the file was refused.
            diagnostics.Add(new Diagnostic(Severity.Error, file, 0, "the file was rejected by an earlier ingest"));
        }

        return diagnostics;
    }

    private static List<Diagnostic> FromJson(string file, string log)
    {
        try
        {
            return [.. (JsonSerializer.Deserialize<List<Entry>>(log, Json) ?? [])
                .Where(e => e is { Message: not null, Severity: not null })
                .Select(e => new Diagnostic(e.Severity == "error" ? Severity.Error : Severity.Warning, file, Math.Max(0, e.Line), e.Message))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The form of versions before JSON.</summary>
    private static List<Diagnostic> FromLines(string file, string log)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var entry in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('\t', 3);
            if (parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            {
                diagnostics.Add(new Diagnostic(parts[1] == "error" ? Severity.Error : Severity.Warning, file, line, parts[2]));
            }
        }

        return diagnostics;
    }
}
