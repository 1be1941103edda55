using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Cli.Check;

/// <summary>Writes a diagnostic as `file:line:col: error LMxxxx: message`, the source line, a ^~~~ marker and the hint.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(TextWriter output, Diagnostic diagnostic, string? sourceText)
    {
        output.WriteLine(diagnostic.ToString());
        var line = SourceLine(sourceText, diagnostic.Span.Line);
        if (line is not null)
        {
            output.WriteLine(line);
            output.WriteLine(Marker(line, diagnostic.Span.Column, diagnostic.Span.Length));
        }

        if (!string.IsNullOrEmpty(diagnostic.Hint))
        {
            output.WriteLine($"  hint: {diagnostic.Hint}");
        }
    }

    /// <summary>The marker line: the line's own tabs are kept so that the caret lines up under the span.</summary>
    public static string Marker(string line, int column, int length)
    {
        var start = Math.Clamp(column - 1, 0, line.Length);
        var prefix = new char[start];
        for (var i = 0; i < start; i++)
        {
            prefix[i] = line[i] == '\t' ? '\t' : ' ';
        }

        var width = Math.Max(1, Math.Min(length, Math.Max(1, line.Length - start)));
        return new string(prefix) + "^" + new string('~', width - 1);
    }

    private static string? SourceLine(string? text, int lineNumber)
    {
        if (text is null || lineNumber < 1)
        {
            return null;
        }

        using var reader = new StringReader(text);
        for (var i = 1; ; i++)
        {
            var line = reader.ReadLine();
            if (line is null)
            {
                return null;
            }

            if (i == lineNumber)
            {
                return line;
            }
        }
    }
}
