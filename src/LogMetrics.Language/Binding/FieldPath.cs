using System.Text;

namespace LogMetrics.Language.Binding;

/// <summary>The path of a field inside a decoded record, e.g. request.method, headers["user-agent"], items[0].</summary>
public sealed class FieldPath
{
    public FieldPath(IReadOnlyList<FieldSegment> segments)
    {
        Segments = segments;
        Text = Format(segments);
    }

    public IReadOnlyList<FieldSegment> Segments { get; }

    /// <summary>The path as the program spells it (without `$`); two paths with the same text are the same field.</summary>
    public string Text { get; }

    public override string ToString() => Text;

    private static string Format(IReadOnlyList<FieldSegment> segments)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Key is null)
            {
                text.Append('[').Append(segment.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }
            else if (segment.Key.Length > 0 && segment.Key.All(c => char.IsLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(segment.Key[0]))
            {
                text.Append(text.Length == 0 ? "" : ".").Append(segment.Key);
            }
            else
            {
                text.Append("[\"").Append(segment.Key).Append("\"]");
            }
        }

        return text.ToString();
    }
}
