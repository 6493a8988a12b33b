using System.Text;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// The plain-Unicode reading of a TeX expression, for text that holds no markup: symbols become their characters
/// (<c>\times</c> → ×, <c>\epsilon</c> → ε), sub- and superscripts become Unicode ones where every character has one
/// (<c>^{2}</c> → ²), font commands keep their argument (<c>\textbf{Only-IF}</c> → Only-IF), braces go.
/// </summary>
internal static class TexPlain
{
    public static string Convert(string tex)
    {
        var output = new StringBuilder(tex.Length);
        var i = 0;
        Append(tex, ref i, output, stopAtBrace: false);
        return output.ToString().Trim();
    }

    private static void Append(string tex, ref int i, StringBuilder output, bool stopAtBrace)
    {
        while (i < tex.Length)
        {
            var c = tex[i];
            switch (c)
            {
                case '}' when stopAtBrace:
                    i++;
                    return;
                case '{':
                    i++;
                    Append(tex, ref i, output, stopAtBrace: true);
                    break;
                case '}':
                    i++;
                    break;
                case '^' or '_':
                    i++;
                    var script = Group(tex, ref i);
                    output.Append(Script(script, superscript: c == '^'));
                    break;
                case '~':
                    output.Append(' ');
                    i++;
                    break;
                case '\\':
                    i++;
                    output.Append(Command(tex, ref i));
                    break;
                default:
                    output.Append(c);
                    i++;
                    break;
            }
        }
    }

    /// <summary>The argument of ^, _ or a command: a braced group or one character, read as plain text.</summary>
    private static string Group(string tex, ref int i)
    {
        while (i < tex.Length && tex[i] == ' ')
        {
            i++;
        }

        if (i >= tex.Length)
        {
            return "";
        }

        var inner = new StringBuilder();
        if (tex[i] == '{')
        {
            i++;
            Append(tex, ref i, inner, stopAtBrace: true);
            return inner.ToString();
        }

        if (tex[i] == '\\')
        {
            i++;
            return Command(tex, ref i);
        }

        return tex[i++].ToString();
    }

    private static string Command(string tex, ref int i)
    {
        if (i >= tex.Length)
        {
            return "";
        }

        if (!char.IsAsciiLetter(tex[i]))
        {
            // \, \; \! \  are spaces; \% \$ \& \_ \{ \} are the character itself.
            var symbol = tex[i++];
            return symbol switch
            {
                ',' or ';' or ' ' or ':' => " ",
                '!' => "",
                _ => symbol.ToString(),
            };
        }

        var start = i;
        while (i < tex.Length && char.IsAsciiLetter(tex[i]))
        {
            i++;
        }

        var name = tex[start..i];
        if (Symbols.TryGetValue(name, out var text))
        {
            return text;
        }

        // Font and text commands show their argument; any other command its name.
        return FontCommands.Contains(name) ? Group(tex, ref i) : name;
    }

    private static string Script(string text, bool superscript)
    {
        var map = superscript ? Superscripts : Subscripts;
        if (text.Length > 0 && text.All(map.ContainsKey))
        {
            return new string([.. text.Select(ch => map[ch])]);
        }

        return (superscript ? "^" : "_") + (text.Length == 1 ? text : "(" + text + ")");
    }

    private static readonly HashSet<string> FontCommands = new(StringComparer.Ordinal)
    {
        "text", "textbf", "textit", "texttt", "textrm", "textsf", "textsc", "emph", "mathbf", "mathit", "mathrm", "mathcal",
        "mathbb", "mathsf", "mathtt", "mathfrak", "mathscr", "boldsymbol", "bm", "operatorname", "mbox", "hbox", "underline",
        "overline", "hat", "tilde", "bar", "vec", "dot", "ddot", "widehat", "widetilde", "mathnormal",
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["varepsilon"] = "ε", ["zeta"] = "ζ",
        ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν",
        ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "φ", ["varphi"] = "φ",
        ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω", ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ",
        ["Pi"] = "Π", ["Sigma"] = "Σ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
        ["times"] = "×", ["cdot"] = "·", ["div"] = "÷", ["pm"] = "±", ["mp"] = "∓", ["sim"] = "∼", ["approx"] = "≈", ["simeq"] = "≃",
        ["le"] = "≤", ["leq"] = "≤", ["ge"] = "≥", ["geq"] = "≥", ["neq"] = "≠", ["ne"] = "≠", ["equiv"] = "≡", ["propto"] = "∝",
        ["ll"] = "≪", ["gg"] = "≫", ["infty"] = "∞", ["nabla"] = "∇", ["partial"] = "∂", ["sum"] = "∑", ["prod"] = "∏", ["int"] = "∫",
        ["sqrt"] = "√", ["in"] = "∈", ["notin"] = "∉", ["subset"] = "⊂", ["subseteq"] = "⊆", ["cup"] = "∪", ["cap"] = "∩",
        ["forall"] = "∀", ["exists"] = "∃", ["neg"] = "¬", ["land"] = "∧", ["lor"] = "∨", ["oplus"] = "⊕", ["otimes"] = "⊗",
        ["circ"] = "∘", ["star"] = "⋆", ["ast"] = "∗", ["bullet"] = "•", ["dagger"] = "†", ["prime"] = "′", ["degree"] = "°",
        ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←", ["leftrightarrow"] = "↔", ["Rightarrow"] = "⇒", ["Leftarrow"] = "⇐",
        ["Leftrightarrow"] = "⇔", ["mapsto"] = "↦", ["uparrow"] = "↑", ["downarrow"] = "↓", ["ldots"] = "…", ["dots"] = "…",
        ["cdots"] = "⋯", ["checkmark"] = "✓", ["langle"] = "⟨", ["rangle"] = "⟩", ["left"] = "", ["right"] = "", ["quad"] = " ",
        ["qquad"] = " ", ["displaystyle"] = "", ["textstyle"] = "", ["limits"] = "", ["log"] = "log", ["exp"] = "exp", ["max"] = "max",
        ["min"] = "min", ["ell"] = "ℓ", ["hbar"] = "ℏ", ["emptyset"] = "∅", ["varnothing"] = "∅", ["top"] = "⊤", ["perp"] = "⊥",
    };

    private static readonly Dictionary<char, char> Superscripts = Pairs(
        "0123456789+-=()nihjklmoprstuvwxyzabcdefgABDEGHIJKLMNOPRTUVW",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵃᵇᶜᵈᵉᶠᵍᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ");

    private static readonly Dictionary<char, char> Subscripts = Pairs("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ");

    private static Dictionary<char, char> Pairs(string from, string to) =>
        from.Zip(to).ToDictionary(p => p.First, p => p.Second);
}
