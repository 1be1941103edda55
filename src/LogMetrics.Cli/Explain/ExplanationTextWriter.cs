using LogMetrics.Cli.Check;
using LogMetrics.Language.Patterns;
using LogMetrics.Runtime.Explain;

namespace LogMetrics.Cli.Explain;

/// <summary>Writes an explanation for people: the line, each pattern (captures, or a caret where it stopped), the steps run, the series changed.</summary>
internal sealed class ExplanationTextWriter(TextWriter output) : IExplanationWriter
{
    public void Write(LineExplanation explanation)
    {
        output.WriteLine($"{explanation.Program} on line {explanation.LineNumber}: {(explanation.Matched ? "matched" : "no pattern matched")}");
        output.WriteLine($"  | {explanation.Line}");
        output.WriteLine("patterns:");
        foreach (var pattern in explanation.Patterns)
        {
            WritePattern(pattern, explanation.Line);
        }

        if (explanation.Steps.Count > 0)
        {
            output.WriteLine("ran:");
            var width = Math.Min(60, explanation.Steps.Max(s => s.Source.Length));
            foreach (var step in explanation.Steps)
            {
                output.WriteLine($"  {step.Span.Line,4}:{step.Span.Column,-3} {step.Source.PadRight(width)}  {step.Outcome}");
            }
        }

        output.WriteLine(explanation.Series.Count == 0 ? "series: none changed" : "series:");
        foreach (var change in explanation.Series)
        {
            var labels = change.Labels.Count == 0 ? "" : "{" + string.Join(",", change.Labels.Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
            output.WriteLine($"  {change.Metric}{labels}  {change.Before ?? "(new)"} -> {change.After ?? "(deleted)"}");
        }

        if (explanation.Error is not null)
        {
            var at = explanation.ErrorAt is { } span ? $" at {span}" : "";
            output.WriteLine($"runtime error{at}: {explanation.Error} (the rest of the program was skipped for this line)");
        }

        output.WriteLine();
    }

    private void WritePattern(PatternExplanation pattern, string line)
    {
        var state = !pattern.OnLine ? (pattern.Reached ? pattern.Matched ? "matched" : "did not match" : "not reached")
            : pattern.Matched ? pattern.Reached ? "matched" : "matches, but was not reached"
            : pattern.Reached ? "no match" : "no match (not reached)";
        var subject = pattern.OnLine ? "" : " (matched against an expression)";
        output.WriteLine($"  {pattern.Span.Line}:{pattern.Span.Column} /{pattern.Text}/{subject}: {state}");
        foreach (var grok in pattern.Grok)
        {
            output.WriteLine($"      {grok.Reference} = {grok.Definition}");
        }

        foreach (var capture in pattern.Captures)
        {
            var name = capture.Number == 0 ? "$0" : capture.Name is null ? $"${capture.Number}" : $"${capture.Name} (${capture.Number})";
            var type = capture.Number == 0 ? "" : $" ({TypeName(capture.Type)}{(capture.TypeDeclared ? ", declared" : "")})";
            var value = capture.Value is null ? "(did not take part)" : Quote(capture.Value);
            output.WriteLine($"      {name}{type} = {value}");
        }

        if (pattern.Progress is { Matched: false } progress)
        {
            output.WriteLine($"    | {line}");
            output.WriteLine("    | " + DiagnosticPrinter.Marker(line, progress.MatchEnd + 1, 1));
            var got = progress.MatchEnd == progress.MatchStart
                ? "nothing matched"
                : $"matched {Quote(line[progress.MatchStart..progress.MatchEnd])}";
            var where = progress.FailedIn is null ? "" : $" in {progress.FailedIn}";
            output.WriteLine($"      {got}; then `{progress.FailedPart}`{where} did not match at column {progress.MatchEnd + 1}");
        }
    }

    private static string TypeName(CaptureType type) => type.ToString().ToLowerInvariant();

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
