namespace DailyPapers.Core.Parsing;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>Something the parser or importer wants a person to look at, located by file and 1-based line.</summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, string Message)
{
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        return Line > 0 ? $"{File}:{Line}: {kind}: {Message}" : $"{File}: {kind}: {Message}";
    }
}
