using System.Text;
using Markdig.Syntax.Inlines;

namespace DailyPapers.Core.Parsing;

/// <summary>What a heading or a link says, read from its inlines: the words without their markup, and the first link.</summary>
internal static class InlineText
{
    public static string PlainText(ContainerInline? container)
    {
        if (container is null)
        {
            return "";
        }

        var builder = new StringBuilder();
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline nested:
                    builder.Append(PlainText(nested));
                    break;
            }
        }

        return builder.ToString();
    }

    public static LinkInline? FirstLink(ContainerInline? container)
    {
        if (container is null)
        {
            return null;
        }

        foreach (var inline in container)
        {
            if (inline is LinkInline { IsImage: false } link)
            {
                return link;
            }

            if (inline is ContainerInline nested && FirstLink(nested) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
