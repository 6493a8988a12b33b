using System.Net;
using System.Text;
using Jint;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// TeX as the digests write it (<c>$VILA^2$</c>, <c>SL$^{2}$A-INR</c>, <c>$\textbf{Only-IF}$</c>), rendered once at
/// ingest: as MathML for pages (browsers render it natively; KaTeX makes it, run under Jint so no script reaches the
/// browser), and as plain Unicode (<c>VILA²</c>, <c>LLM×MapReduce</c>) for places that hold no markup: page titles,
/// meta tags, feeds, search snippets and the search index.
/// </summary>
public static class TexMath
{
    // KaTeX is loaded on first use only: most digests hold no math, and loading it takes a moment.
    private static readonly Lazy<Engine> Katex = new(LoadKatex, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock EngineLock = new();

    /// <summary>MathML for a TeX expression, or null when KaTeX cannot read it.</summary>
    public static string? ToMathMl(string tex, bool display = false) => ToMathMl(tex, display, null, out _);

    /// <summary>MathML for a TeX expression within a file's budget; null when KaTeX cannot read it, or (<paramref name="skipped"/>) when the budget is spent.</summary>
    internal static string? ToMathMl(string tex, bool display, TexBudget? budget, out bool skipped)
    {
        ArgumentNullException.ThrowIfNull(tex);
        skipped = false;
        if (tex.Length is 0 or > 2000)
        {
            return null;
        }

        if (budget is not null && !budget.TryTake())
        {
            skipped = true;
            return null;
        }

        lock (EngineLock)
        {
            var engine = Katex.Value;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var html = engine.Invoke("renderMathMl", tex, display).AsString();
                return html.Contains("katex-error", StringComparison.Ordinal) ? null : html;
            }
            catch (Exception e) when (e.GetType().Namespace?.StartsWith("Jint", StringComparison.Ordinal) == true || e is TimeoutException)
            {
                return null;
            }
            finally
            {
                budget?.Spend(System.Diagnostics.Stopwatch.GetTimestamp() - started);
            }
        }
    }

    /// <summary>
    /// Text with inline TeX (<c>$…$</c>) as HTML: text escaped, math as MathML; a span KaTeX cannot read stays as its
    /// source, escaped. <paramref name="failed"/> lists those spans.
    /// </summary>
    public static string TextToHtml(string text, out IReadOnlyList<string> failed) => TextToHtml(text, plain => plain, null, out failed);

    /// <summary>A title as HTML: <see cref="TextToHtml(string, out IReadOnlyList{string})"/> with its unmistakable undelimited TeX read too (<see cref="TitleCarets"/>).</summary>
    public static string TitleToHtml(string title, out IReadOnlyList<string> failed) => TextToHtml(title, TitleCarets.Apply, null, out failed);

    /// <summary>A title as HTML within a file's TeX budget: once it is spent, TeX is shown as written and not reported as failed.</summary>
    internal static string TitleToHtml(string title, TexBudget budget, out IReadOnlyList<string> failed) => TextToHtml(title, TitleCarets.Apply, budget, out failed);

    /// <summary>A title in plain Unicode: <see cref="TextToPlain"/> with its unmistakable undelimited TeX read too.</summary>
    public static string TitleToPlain(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var plain = new StringBuilder(title.Length);
        foreach (var (part, isMath) in Split(title))
        {
            plain.Append(isMath ? TexPlain.Convert(part) : TitleCarets.Apply(part));
        }

        return plain.ToString();
    }

    private static string TextToHtml(string text, Func<string, string> plain, TexBudget? budget, out IReadOnlyList<string> failed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<string>();
        var html = new StringBuilder(text.Length);
        foreach (var (part, isMath) in Split(text))
        {
            if (!isMath)
            {
                html.Append(WebUtility.HtmlEncode(plain(part)));
                continue;
            }

            var mathMl = ToMathMl(part, display: false, budget, out var skipped);
            if (mathMl is null)
            {
                if (!skipped)
                {
                    errors.Add(part);
                }

                html.Append(WebUtility.HtmlEncode("$" + part + "$"));
            }
            else
            {
                html.Append(mathMl);
            }
        }

        failed = errors;
        return html.ToString();
    }

    /// <summary>Text with its inline TeX turned into plain Unicode: <c>LLM$\times$MapReduce</c> → <c>LLM×MapReduce</c>.</summary>
    public static string TextToPlain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var plain = new StringBuilder(text.Length);
        foreach (var (part, isMath) in Split(text))
        {
            plain.Append(isMath ? TexPlain.Convert(part) : part);
        }

        return plain.ToString();
    }

    /// <summary>Text with its plain parts passed through <paramref name="plain"/> and the insides of its TeX spans through <paramref name="tex"/> (for BibTeX).</summary>
    public static string MapText(string text, Func<string, string> plain, Func<string, string> tex)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(tex);
        var output = new StringBuilder(text.Length);
        foreach (var (part, isMath) in Split(text))
        {
            output.Append(isMath ? tex(part) : plain(part));
        }

        return output.ToString();
    }

    /// <summary>Whether the text holds an inline TeX span.</summary>
    public static bool HasMath(string text) => text is not null && Split(text).Any(p => p.IsMath);

    /// <summary>
    /// Splits text into plain parts and the insides of <c>$…$</c> spans, by Markdig's own rule for inline math: the
    /// opening <c>$</c> is not followed by a space, the closing one not preceded by one; <c>\$</c> is a dollar sign.
    /// </summary>
    internal static IEnumerable<(string Part, bool IsMath)> Split(string text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i += 2;
                continue;
            }

            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] != '$' && !char.IsWhiteSpace(text[i + 1]))
            {
                var close = ClosingDollar(text, i + 1);
                if (close > 0)
                {
                    if (i > start)
                    {
                        yield return (text[start..i], false);
                    }

                    yield return (text[(i + 1)..close], true);
                    i = close + 1;
                    start = i;
                    continue;
                }
            }

            i++;
        }

        if (start < text.Length)
        {
            yield return (text[start..], false);
        }
    }

    private static int ClosingDollar(string text, int from)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (text[j] == '\\')
            {
                j++;
                continue;
            }

            if (text[j] == '$')
            {
                return char.IsWhiteSpace(text[j - 1]) ? -1 : j;
            }
        }

        return -1;
    }

    private static Engine LoadKatex()
    {
        using var stream = typeof(TexMath).Assembly.GetManifestResourceStream("katex.min.js")
            ?? throw new InvalidOperationException("katex.min.js is not embedded in DailyPapers.Core");
        using var reader = new StreamReader(stream);
        var limit = new CallTimeLimit { Limit = TimeSpan.FromMinutes(1) };
        var engine = new Engine(o => o.LimitRecursion(256).Constraint(limit));
        engine.Execute(reader.ReadToEnd());
        engine.Execute("""
            function renderMathMl(tex, display) {
              return katex.renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: true, strict: 'ignore', trust: false, maxExpand: 200 });
            }
            """);
        // Loading KaTeX may take seconds on a busy machine; a real expression renders in a millisecond, and one second
        // bounds a call within the file's KaTeX time (TexBudget).
        limit.Limit = TimeSpan.FromSeconds(1);
        return engine;
    }

    /// <summary>Jint's time limit, per call (Jint resets it as each call starts), with a limit that can change.</summary>
    private sealed class CallTimeLimit : Constraint
    {
        private long _started;

        public TimeSpan Limit { get; set; }

        public override void Reset() => _started = System.Diagnostics.Stopwatch.GetTimestamp();

        public override void Check()
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(_started) > Limit)
            {
                throw new TimeoutException($"KaTeX took more than {Limit.TotalSeconds:0.#} s");
            }
        }
    }
}
