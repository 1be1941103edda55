using System.Text.Json;
using LogMetrics.Runtime.Explain;

namespace LogMetrics.Cli.Explain;

/// <summary>One JSON object per explained line and program (snake_case names, enums as lower-case strings).</summary>
internal sealed class ExplanationJsonWriter(TextWriter output) : IExplanationWriter
{
    public void Write(LineExplanation explanation) =>
        output.WriteLine(JsonSerializer.Serialize(explanation, CliJsonContext.Output.LineExplanation));
}
