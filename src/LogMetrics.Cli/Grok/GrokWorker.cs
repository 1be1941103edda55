using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using LogMetrics.Cli.Check;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Cli.Grok;

/// <summary>`logmetrics grok`: matches stdin lines against a pattern and prints one JSON line per input line.</summary>
internal static class GrokWorker
{
    public static ExitCode Run(string pattern, GrokLibrary grok, TimeSpan matchTimeout, TextReader input, Stream output, TextWriter errors)
    {
        var translation = RegexTranslator.Translate(pattern, grok);
        if (!translation.Success)
        {
            foreach (var error in translation.Errors)
            {
                errors.WriteLine($"pattern:1:{error.Offset + 1}: error {error.Code}: {error.Message}");
                errors.WriteLine(pattern);
                errors.WriteLine(DiagnosticPrinter.Marker(pattern, error.Offset + 1, error.Length));
                if (!string.IsNullOrEmpty(error.Hint))
                {
                    errors.WriteLine($"  hint: {error.Hint}");
                }
            }

            return ExitCode.Failure;
        }

        Regex regex;
        try
        {
            regex = new Regex(translation.Pattern, translation.Options, matchTimeout);
        }
        catch (ArgumentException e)
        {
            errors.WriteLine($"pattern:1:1: error: {e.Message}");
            return ExitCode.Failure;
        }

        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var lineNumber = 0;
        var timedOut = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            var match = GrokDebugger.Match(regex, translation, line);
            if (match.TimedOut)
            {
                // A timeout is no verdict: say so, never pass it off as a line that does not match.
                timedOut++;
                errors.WriteLine($"stdin:{lineNumber}: error: the match timed out after {matchTimeout.TotalMilliseconds:0.###}ms (--match-timeout)");
            }

            WriteResult(writer, match);
            writer.Flush();
            output.WriteByte((byte)'\n');
            output.Flush();
            writer.Reset();
        }

        if (timedOut > 0)
        {
            errors.WriteLine($"error: {timedOut} line(s) timed out: no verdict for them");
            return ExitCode.Failure;
        }

        return ExitCode.Success;
    }

    private static void WriteResult(Utf8JsonWriter writer, GrokMatch match)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("match", match.Success);
        if (match.TimedOut)
        {
            writer.WriteBoolean("timed_out", true);
        }

        writer.WriteStartObject("captures");
        foreach (var (name, value) in match.Captures)
        {
            match.DeclaredTypes.TryGetValue(name, out var type);
            if (type == CaptureType.Int && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                writer.WriteNumber(name, integer);
            }
            else if (type == CaptureType.Float && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                writer.WriteNumber(name, number);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
