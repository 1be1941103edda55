using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LogMetrics.Cli.Import;

/// <summary>Where a YAML node starts, 1-based, and how its scalar is written (to find a column inside it).</summary>
internal readonly record struct YamlPosition(int Line, int Column)
{
    public ScalarStyle Style { get; init; }

    public static YamlPosition Of(YamlNode node) =>
        new((int)node.Start.Line, (int)node.Start.Column) { Style = node is YamlScalarNode scalar ? scalar.Style : ScalarStyle.Any };

    /// <summary>The position of the character at <paramref name="offset"/> of the scalar's value
    /// <paramref name="text"/>: exact for a one-line plain or quoted scalar, the scalar's start otherwise.</summary>
    public YamlPosition Inside(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        if (text.AsSpan(0, offset).Contains('\n'))
        {
            return this;
        }

        return Style switch
        {
            ScalarStyle.Plain => this with { Column = Column + offset },
            // '' is one quote in a single-quoted scalar.
            ScalarStyle.SingleQuoted => this with { Column = Column + 1 + offset + text.AsSpan(0, offset).Count('\'') },
            ScalarStyle.DoubleQuoted => this with { Column = Column + 1 + offset + text.AsSpan(0, offset).Count('"') + text.AsSpan(0, offset).Count('\\') },
            _ => this,
        };
    }
}
