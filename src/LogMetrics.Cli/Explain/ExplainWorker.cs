using LogMetrics.Cli.Check;
using LogMetrics.Cli.Commands;
using LogMetrics.Runtime.Explain;

namespace LogMetrics.Cli.Explain;

/// <summary>`logmetrics explain`: runs each program over the log on a store of its own and explains the chosen lines.</summary>
internal static class ExplainWorker
{
    public static ExitCode Run(ExplainRequest request, EngineSettings settings, TextReader stdin, TextWriter output, TextWriter errors)
    {
        var files = ProgramFiles.Find(request.Programs, errors);
        if (files is null)
        {
            return ExitCode.Failure;
        }

        if (files.Count == 0)
        {
            errors.WriteLine($"{request.Programs}: error: no *.rules or *.mtail programs in this directory");
            return ExitCode.Failure;
        }

        var explainers = new List<LineExplainer>();
        var failed = false;
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.WriteLine($"{file}: error: {e.Message}");
                failed = true;
                continue;
            }

            var explainer = LineExplainer.Create(file, text, settings.Engine, out var diagnostics, out var error);
            ProgramCompiler.PrintDiagnostics(diagnostics, text, errors);
            if (error is not null)
            {
                errors.WriteLine($"{file}: error: {error}");
            }

            if (explainer is null)
            {
                failed = true;
            }
            else
            {
                explainers.Add(explainer);
            }
        }

        if (failed)
        {
            return ExitCode.Failure;
        }

        IEnumerable<string> lines;
        if (request.Log == "-")
        {
            lines = ReadAll(stdin);
        }
        else if (!File.Exists(request.Log))
        {
            errors.WriteLine($"{request.Log}: error: no such file");
            return ExitCode.Failure;
        }
        else
        {
            lines = File.ReadLines(request.Log);
        }

        var source = request.Log == "-" ? "stdin" : request.Log;
        var writer = request.Format == ExplainFormat.Json ? (IExplanationWriter)new ExplanationJsonWriter(output) : new ExplanationTextWriter(output);
        var number = 0;
        var explained = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            var chosen = request.Chooses(number, line);
            foreach (var explainer in explainers)
            {
                if (chosen)
                {
                    writer.Write(explainer.Explain(line, number, source));
                }
                else
                {
                    explainer.Run(line, source);
                }
            }

            explained += chosen ? 1 : 0;
            if (request.Line is { } only && number >= only)
            {
                break;
            }
        }

        if (explained == 0)
        {
            errors.WriteLine(request switch
            {
                { Line: { } n } => $"{request.Log}: error: there is no line {n} (the log has {number} lines)",
                { Grep: { } g } => $"{request.Log}: error: no line contains '{g}' ({number} lines read)",
                _ => $"{request.Log}: error: the log is empty",
            });
            return ExitCode.Failure;
        }

        return ExitCode.Success;
    }

    private static IEnumerable<string> ReadAll(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
