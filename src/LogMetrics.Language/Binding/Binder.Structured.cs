using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Binding;

/// <summary>json and logfmt patterns and their fields.</summary>
internal sealed partial class Binder
{
    private readonly List<BoundStructuredPattern> _structuredPatterns = [];

    /// <summary>By structured slot, the field paths read so far and their numbers.</summary>
    private readonly Dictionary<int, (List<FieldPath> Paths, Dictionary<string, int> Numbers)> _fields = [];

    /// <summary>`json` or `logfmt` where a pattern may stand, unless the program declares that name itself.</summary>
    private StructuredFormat? StructuredFormatOf(ExpressionSyntax syntax) => syntax switch
    {
        NameExpressionSyntax { Name: "json" } name when _scope.Lookup(name.Name) is null => StructuredFormat.Json,
        NameExpressionSyntax { Name: "logfmt" } name when _scope.Lookup(name.Name) is null => StructuredFormat.Logfmt,
        _ => null,
    };

    /// <summary>Gives a structured pattern a slot and brings its fields into the current scope.</summary>
    private BoundExpression BindStructuredMatch(BoundExpression? subject, StructuredFormat format, bool negated, SourceSpan span)
    {
        var pattern = new BoundStructuredPattern(_structuredPatterns.Count, format);
        _structuredPatterns.Add(pattern);
        _fields[pattern.Slot] = ([], new Dictionary<string, int>(StringComparer.Ordinal));
        _scope.DeclareStructured(pattern);
        return new BoundStructuredMatchExpression(span, subject, pattern, negated);
    }

    private IReadOnlyList<BoundStructuredPattern> StructuredPatternsWithFields() =>
        _structuredPatterns.Select(p => p with { Fields = _fields[p.Slot].Paths }).ToList();

    /// <summary>`$name...` where a structured pattern is the innermost source of that name: a field reference, typed
    /// String until a use converts it (see <see cref="Convert"/>).</summary>
    private BoundExpression BindField(CaptureReferenceExpressionSyntax capture, BoundStructuredPattern pattern)
    {
        var segments = new List<FieldSegment>();
        if (capture.Name.Length > 0)
        {
            segments.Add(new FieldSegment(capture.Name, 0));
        }

        var valid = true;
        foreach (var selector in capture.Selectors)
        {
            if (selector.Key is { } key)
            {
                segments.Add(new FieldSegment(key, 0));
            }
            else if (pattern.Format == StructuredFormat.Logfmt)
            {
                Report(DiagnosticMessages.LogfmtFieldIndex(selector.Span));
                valid = false;
            }
            else if (selector.Index is > int.MaxValue - 1)
            {
                Report(DiagnosticMessages.FieldIndexTooLarge(selector.Span, selector.Index.Value));
                valid = false;
            }
            else
            {
                segments.Add(new FieldSegment(null, (int)(selector.Index ?? 0)));
            }
        }

        if (!valid)
        {
            return new BoundLiteralExpression(capture.Span, BoundType.String, "");
        }

        // logfmt keys are flat: the path's names joined with dots are the key (`$http.method` is "http.method").
        if (pattern.Format == StructuredFormat.Logfmt && segments.Count > 1)
        {
            segments = [new FieldSegment(string.Join('.', segments.Select(s => s.Key)), 0)];
        }

        var path = new FieldPath(segments);
        var (paths, numbers) = _fields[pattern.Slot];
        if (!numbers.TryGetValue(path.Text, out var number))
        {
            number = paths.Count;
            numbers[path.Text] = number;
            paths.Add(path);
        }

        return new BoundCaptureReference(capture.Span, BoundType.String, path.Text, pattern.Slot, [number]) { Field = path };
    }

    /// <summary>A field reference still typed String (no use has converted it yet).</summary>
    private static bool IsUntypedField(BoundExpression expression) =>
        expression is BoundCaptureReference { Field: not null, Type: BoundType.String };
}
