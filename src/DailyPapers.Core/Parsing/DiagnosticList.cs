namespace DailyPapers.Core.Parsing;

/// <summary>What reading one file found worth reporting, in the order it was found, each located by file and 1-based line.</summary>
internal sealed class DiagnosticList(string file)
{
    private readonly List<Diagnostic> _items = [];

    public string File => file;

    public int Count => _items.Count;

    public IReadOnlyList<Diagnostic> Items => _items;

    public void Warning(int line, string message) => _items.Add(new Diagnostic(Severity.Warning, file, line, message));

    public void Error(int line, string message) => _items.Add(new Diagnostic(Severity.Error, file, line, message));

    /// <summary>A value quoted in a message: on one line, short, and without what no text may hold.</summary>
    public static string Shorten(string value) => TextLimit.Shorten(CleanText.Remove(value).ReplaceLineEndings(" "), 80);
}
