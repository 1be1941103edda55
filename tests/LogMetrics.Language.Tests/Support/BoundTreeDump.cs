using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Patterns;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Tests.Support;

/// <summary>Writes a bound program as text without positions, so that two texts of one program can be compared.</summary>
internal static class BoundTreeDump
{
    private static readonly HashSet<string> s_skipped = ["Span", "Source", "Declaration", "Tree", "EqualityContract"];

    public static string Dump(object? value)
    {
        var text = new StringBuilder();
        Write(value, text, 0);
        return text.ToString();
    }

    private static void Write(object? value, StringBuilder text, int depth)
    {
        if (depth > 60)
        {
            throw new InvalidOperationException("bound tree too deep or cyclic");
        }

        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case IFormattable f:
                text.Append(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool or Enum:
                text.Append(value);
                return;
            case SourceSpan or SyntaxNode:
                return;
            case RegexTranslation translation:
                text.Append("/").Append(translation.Pattern).Append("/ ");
                Write(translation.Groups, text, depth + 1);
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(item, text, depth + 1);
                    text.Append(", ");
                }

                text.Append(']');
                return;
        }

        var type = value.GetType();
        text.Append(type.Name).Append('(');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length > 0 || s_skipped.Contains(property.Name))
            {
                continue;
            }

            text.Append(property.Name).Append('=');
            Write(property.GetValue(value), text, depth + 1);
            text.Append(' ');
        }

        text.Append(')');
    }
}
