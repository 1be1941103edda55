using System.Globalization;
using System.Text;

namespace LogMetrics.Language.Patterns;

/// <summary>Writes a <see cref="RegexNode"/> tree as .NET pattern text, numbering capture groups in left-parenthesis order.</summary>
internal sealed class RegexEmitter
{
    private readonly StringBuilder _sb = new();
    private readonly List<CaptureGroup?> _groups = [];
    private readonly Func<int, bool>? _captures;
    private int _optionalDepth;

    /// <param name="captures">Which groups (by RE2 number) to write as capturing groups; the others are written
    /// non-capturing but keep their numbers in <see cref="Groups"/>. Null: all.</param>
    public RegexEmitter(Func<int, bool>? captures = null)
    {
        _captures = captures;
    }

    public IReadOnlyList<CaptureGroup> Groups => _groups.Select(g => g!).ToList();

    public string Emit(RegexNode root)
    {
        Write(root);
        return _sb.ToString();
    }

    private void Write(RegexNode node)
    {
        switch (node.Kind)
        {
            case RegexNodeKind.Empty:
                break;
            case RegexNodeKind.Literal:
                foreach (var c in node.Text)
                {
                    AppendLiteralChar(_sb, c);
                }

                break;
            case RegexNodeKind.Class:
                _sb.Append(node.Class!.ToNet());
                break;
            case RegexNodeKind.AnyChar:
                _sb.Append('.');
                break;
            case RegexNodeKind.Assertion:
                _sb.Append(node.Text);
                break;
            case RegexNodeKind.Flags:
                _sb.Append(node.Text);
                break;
            case RegexNodeKind.Concat:
                foreach (var child in node.Children)
                {
                    if (child.Kind == RegexNodeKind.Alternate)
                    {
                        WrapNonCapturing(child);
                    }
                    else
                    {
                        Write(child);
                    }
                }

                break;
            case RegexNodeKind.Alternate:
                _optionalDepth++;
                for (var i = 0; i < node.Children.Count; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append('|');
                    }

                    Write(node.Children[i]);
                }

                _optionalDepth--;
                break;
            case RegexNodeKind.Repeat:
                WriteRepeat(node);
                break;
            case RegexNodeKind.Capture:
                WriteCapture(node);
                break;
            case RegexNodeKind.Group:
                _sb.Append(node.Text);
                Write(node.Child);
                _sb.Append(')');
                break;
            case RegexNodeKind.Lookaround:
                _sb.Append(node.Text);
                Write(node.Child);
                _sb.Append(')');
                break;
            case RegexNodeKind.GrokExpansion:
                WrapNonCapturing(node.Child);
                break;
        }
    }

    private void WrapNonCapturing(RegexNode node)
    {
        _sb.Append("(?:");
        Write(node);
        _sb.Append(')');
    }

    private void WriteRepeat(RegexNode node)
    {
        if (node.Possessive)
        {
            _sb.Append("(?>");
        }

        if (node.Min == 0)
        {
            _optionalDepth++;
        }

        var child = node.Child;
        var single = child.Kind switch
        {
            RegexNodeKind.Literal => child.Text.Length == 1,
            RegexNodeKind.Class or RegexNodeKind.AnyChar or RegexNodeKind.Capture or RegexNodeKind.Group => true,
            RegexNodeKind.GrokExpansion => true,
            _ => false,
        };
        if (single)
        {
            Write(child);
        }
        else
        {
            WrapNonCapturing(child);
        }

        if (node.Min == 0)
        {
            _optionalDepth--;
        }

        _sb.Append((node.Min, node.Max) switch
        {
            (0, -1) => "*",
            (1, -1) => "+",
            (0, 1) => "?",
            (var n, -1) => string.Create(CultureInfo.InvariantCulture, $"{{{n},}}"),
            var (n, m) when n == m => string.Create(CultureInfo.InvariantCulture, $"{{{n}}}"),
            var (n, m) => string.Create(CultureInfo.InvariantCulture, $"{{{n},{m}}}"),
        });
        if (!node.Greedy)
        {
            _sb.Append('?');
        }

        if (node.Possessive)
        {
            _sb.Append(')');
        }
    }

    private void WriteCapture(RegexNode node)
    {
        var index = _groups.Count;
        _groups.Add(null);
        var optional = _optionalDepth > 0;
        _sb.Append(_captures is null || _captures(index + 1) ? "(" : "(?:");
        Write(node.Child);
        _sb.Append(')');
        var type = node.ExplicitType ?? CaptureTypeInferrer.Infer(node.Child);
        _groups[index] = new CaptureGroup(index + 1, node.Name, type, optional) { IsTypeDeclared = node.ExplicitType is CaptureType.Int or CaptureType.Float };
    }

    /// <summary>Appends one literal UTF-16 unit, escaped for .NET.</summary>
    public static void AppendLiteralChar(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '\\' or '*' or '+' or '?' or '|' or '{' or '}' or '[' or ']' or '(' or ')' or '^' or '$' or '.' or '#':
                sb.Append('\\').Append(c);
                break;
            case '\n':
                sb.Append(@"\n");
                break;
            case '\t':
                sb.Append(@"\t");
                break;
            case '\r':
                sb.Append(@"\r");
                break;
            case < ' ' or (>= '\u007f' and <= '\u00a0') or ' ':
                sb.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append(c);
                break;
        }
    }
}
