using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`$1`, `$name`, or a field path `$name.a["b"][0]` / `$["key"]`; Name is the text after `$` (empty for `$[...]`).</summary>
internal sealed record CaptureReferenceExpressionSyntax(SourceSpan Span, string Name) : ExpressionSyntax(Span)
{
    public bool IsPositional => Name.Length > 0 && Name.All(char.IsAsciiDigit);

    /// <summary>The steps after the name: empty for a plain capture reference.</summary>
    public IReadOnlyList<FieldSelectorSyntax> Selectors { get; init; } = [];
}
