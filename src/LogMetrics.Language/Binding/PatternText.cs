using System.Text;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Binding;

/// <summary>A pattern joined at compile time from regex literals, consts and literals, remembering where each piece came from
/// so that an error offset maps back to a column.</summary>
internal sealed class PatternText
{
    private readonly StringBuilder _text = new();
    private readonly List<(int Start, SyntaxNode Piece)> _pieces = [];

    public string Text => _text.ToString();

    public void Append(SyntaxNode piece, string text)
    {
        _pieces.Add((_text.Length, piece));
        _text.Append(text);
    }

    public void Append(PatternText other)
    {
        var offset = _text.Length;
        foreach (var (start, piece) in other._pieces)
        {
            _pieces.Add((offset + start, piece));
        }

        _text.Append(other._text);
    }

    /// <summary>The source span of a 0-based offset into the joined text.</summary>
    public SourceSpan SpanOf(int offset, int length, SourceSpan fallback)
    {
        for (var i = _pieces.Count - 1; i >= 0; i--)
        {
            var (start, piece) = _pieces[i];
            if (offset < start)
            {
                continue;
            }

            if (piece is RegexLiteralExpressionSyntax regex)
            {
                var column = regex.ColumnOf(offset - start);
                return regex.Span with { Column = column, Length = Math.Max(1, Math.Min(length, regex.Span.Column + regex.Span.Length - 1 - column)) };
            }

            return piece.Span;
        }

        return fallback;
    }
}
