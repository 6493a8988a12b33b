using System.Globalization;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Ingestion;

/// <summary>How a rejected file's diagnostics are kept in <c>RejectedFiles.Errors</c>: one per line, "line TAB severity TAB message".</summary>
internal static class RejectionLog
{
    public static string Write(IEnumerable<Diagnostic> diagnostics) => string.Join('\n', diagnostics.Select(d =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Line}\t{(d.Severity == Severity.Error ? "error" : "warning")}\t{d.Message.ReplaceLineEndings(" ")}")));

    public static List<Diagnostic> Read(string file, string log)
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

        if (diagnostics.Count == 0)
        {
            // A log this version cannot read still says the file was refused.
            diagnostics.Add(new Diagnostic(Severity.Error, file, 0, "the file was rejected by an earlier ingest"));
        }

        return diagnostics;
    }
}
