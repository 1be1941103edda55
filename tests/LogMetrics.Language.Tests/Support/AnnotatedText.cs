using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Tests.Support;

/// <summary>Program text with the expected diagnostic span marked as [|...|].</summary>
internal sealed record AnnotatedText(string Text, SourceSpan Span)
{
    public static AnnotatedText Parse(string annotated, string file = "test.rules")
    {
        var start = annotated.IndexOf("[|", StringComparison.Ordinal);
        var end = annotated.IndexOf("|]", StringComparison.Ordinal);
        var text = annotated.Remove(end, 2).Remove(start, 2);
        var before = text[..start];
        var line = before.Count(c => c == '\n') + 1;
        var column = start - (before.LastIndexOf('\n') + 1) + 1;
        return new AnnotatedText(text, new SourceSpan(file, line, column, end - start - 2));
    }
}
