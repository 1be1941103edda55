using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Patterns;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Binding;

internal sealed partial class Binder
{
    /// <summary>True for a regex literal, a const name, or a `+` concatenation that contains one.</summary>
    private bool IsPatternExpression(ExpressionSyntax syntax) => syntax switch
    {
        RegexLiteralExpressionSyntax => true,
        NameExpressionSyntax name => _scope.Lookup(name.Name) is ConstSymbol,
        BinaryExpressionSyntax { Operator: SyntaxKind.Plus } binary => IsPatternExpression(binary.Left) || IsPatternExpression(binary.Right),
        _ => false,
    };

    /// <summary>Joins a compile-time pattern; literals are inserted as raw regex text. Null (and an error) when a piece is not constant.</summary>
    private PatternText? EvaluatePattern(ExpressionSyntax syntax, bool reportErrors)
    {
        var text = new PatternText();
        return Append(text, syntax) ? text : null;

        bool Append(PatternText target, ExpressionSyntax piece)
        {
            switch (piece)
            {
                case RegexLiteralExpressionSyntax regex:
                    target.Append(regex, regex.Pattern);
                    return true;
                case StringLiteralExpressionSyntax s:
                    target.Append(s, s.Value);
                    return true;
                case IntegerLiteralExpressionSyntax i:
                    target.Append(i, i.Text);
                    return true;
                case FloatLiteralExpressionSyntax f:
                    target.Append(f, f.Text);
                    return true;
                case NameExpressionSyntax name when _scope.Lookup(name.Name) is ConstSymbol constant:
                    constant.Used = true;
                    if (constant.Pattern is null)
                    {
                        return false;
                    }

                    target.Append(constant.Pattern);
                    return true;
                case BinaryExpressionSyntax { Operator: SyntaxKind.Plus } binary:
                    return Append(target, binary.Left) & Append(target, binary.Right);
                default:
                    if (reportErrors)
                    {
                        Report(DiagnosticMessages.NotAPattern(piece.Span));
                    }

                    return false;
            }
        }
    }

    /// <summary>mtail's --max_regexp_length: a joined pattern (as written, grok names unexpanded) of more bytes is refused.</summary>
    internal const int MaxPatternBytes = 1024;

    private RegexTranslation? Translate(PatternText pattern, SourceSpan fallback)
    {
        var text = pattern.Text;
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxPatternBytes)
        {
            Report(DiagnosticMessages.Pattern(fallback, PatternMessages.PatternTooLong(text.Length, bytes, MaxPatternBytes)));
            return null;
        }

        if (!_translations.TryGetValue(text, out var translation))
        {
            translation = RegexTranslator.Translate(text, _grok);
            _translations[text] = translation;
        }

        foreach (var error in translation.Errors)
        {
            Report(DiagnosticMessages.Pattern(pattern.SpanOf(error.Offset, error.Length, fallback), error));
        }

        return translation.Success ? translation : null;
    }

    /// <summary>Gives a pattern a match slot and brings its captures into the current scope.</summary>
    private BoundPattern? BindPattern(ExpressionSyntax syntax)
    {
        var text = EvaluatePattern(syntax, reportErrors: true);
        if (text is null)
        {
            return null;
        }

        var translation = Translate(text, syntax.Span);
        if (translation is null)
        {
            return null;
        }

        if (_scope.LookupLocalCapture("0") is { } previous)
        {
            // mtail: "Redeclaration of capture group `0'": two patterns in one condition or block would give $0 (and
            // $1...) two meanings, so mtail refuses the second one (google/mtail#190). Nest the second match instead.
            Report(DiagnosticMessages.CaptureGroupsRedeclared(syntax.Span, previous.Span));
            return null;
        }

        var pattern = new BoundPattern(_patterns.Count, text.Text, translation);
        _patterns.Add(pattern);
        _scope.DeclareCapture("0", new BoundCaptureReference(syntax.Span, BoundType.String, "0", pattern.Slot, [0]));
        var named = new Dictionary<string, List<CaptureGroup>>(StringComparer.Ordinal);
        foreach (var group in translation.Groups)
        {
            var type = CaptureTypeOf(group.Type);
            _scope.DeclareCapture(group.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new BoundCaptureReference(syntax.Span, type, group.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), pattern.Slot, [group.Number]));
            if (group.Name is not null)
            {
                if (!named.TryGetValue(group.Name, out var list))
                {
                    named[group.Name] = list = [];
                }

                list.Add(group);
            }
        }

        foreach (var (name, groups) in named)
        {
            var type = groups.Select(g => CaptureTypeOf(g.Type)).Max();
            _scope.DeclareCapture(name, new BoundCaptureReference(syntax.Span, type, name, pattern.Slot, groups.Select(g => g.Number).ToList()));
        }

        return pattern;
    }

    private static BoundType CaptureTypeOf(CaptureType type) => type switch
    {
        CaptureType.Int => BoundType.Int,
        CaptureType.Float => BoundType.Float,
        _ => BoundType.String,
    };

    private BoundExpression BindPatternMatch(BoundExpression? subject, ExpressionSyntax patternSyntax, bool negated, SourceSpan span)
    {
        var pattern = BindPattern(patternSyntax);
        if (pattern is null)
        {
            return ErrorExpression(span);
        }

        return new BoundMatchExpression(span, subject, pattern, negated);
    }

    /// <summary>
    /// A right-hand side of =~ that is no compile-time pattern but may be a string: a capture, a call, an operation
    /// on them. A metric stays an error, as in mtail ("Can't append variable").
    /// </summary>
    private bool IsDynamicPattern(ExpressionSyntax syntax) => syntax switch
    {
        RegexLiteralExpressionSyntax or StringLiteralExpressionSyntax or IntegerLiteralExpressionSyntax or FloatLiteralExpressionSyntax => false,
        NameExpressionSyntax or IndexExpressionSyntax => false,
        BinaryExpressionSyntax { Operator: SyntaxKind.Plus } binary when IsPatternExpression(binary) => false,
        CaptureReferenceExpressionSyntax or CallExpressionSyntax or BinaryExpressionSyntax => true,
        _ => false,
    };

    /// <summary>`s =~ $b`: the regex is built from the string when the line runs. mtail always matches here (a known bug),
    /// so the program's results differ from mtail's; a warning says so.</summary>
    private BoundExpression BindDynamicMatch(BoundExpression subject, ExpressionSyntax patternSyntax, bool negated, SourceSpan span)
    {
        var pattern = BindExpression(patternSyntax);
        if (pattern.Type == BoundType.Float)
        {
            // mtail: "type mismatch; expected Pattern received Float for MATCH operator" (an Int is taken).
            Report(DiagnosticMessages.FloatPattern(patternSyntax.Span, negated ? "!~" : "=~"));
            return ErrorExpression(span);
        }

        if (pattern.Type is BoundType.Pattern or BoundType.None or BoundType.Bool)
        {
            Report(DiagnosticMessages.NotAPattern(patternSyntax.Span));
            return ErrorExpression(span);
        }

        Report(DiagnosticMessages.DynamicPattern(patternSyntax.Span));
        var text = Convert(pattern, BoundType.String, patternSyntax.Span) ?? ErrorExpression(patternSyntax.Span);
        return new BoundDynamicMatchExpression(span, subject, text, negated, _grok);
    }

    private static BoundExpression ErrorExpression(SourceSpan span) => new BoundLiteralExpression(span, BoundType.Bool, false);
}
