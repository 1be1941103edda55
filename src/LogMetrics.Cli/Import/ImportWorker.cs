using System.Text;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Cli.Import;

/// <summary>`logmetrics import grok-exporter`: writes the translated programs and the report.</summary>
internal static class ImportWorker
{
    public static ExitCode Run(string configPath, string? outputDirectory, GrokLibrary grok, TextWriter output, TextWriter errors)
    {
        var result = GrokExporterImporter.Import(configPath, grok);
        var report = Report(configPath, result, outputDirectory);
        errors.Write(report);
        if (!result.Success)
        {
            errors.WriteLine($"{configPath}: the config was not imported: {result.Messages.Count(m => m.Severity == ImportSeverity.Error)} error(s)");
            return ExitCode.Failure;
        }

        if (outputDirectory is null)
        {
            foreach (var program in result.Programs)
            {
                output.WriteLine($"# ==> {program.FileName} <==");
                output.Write(program.Text);
                output.WriteLine();
            }

            return ExitCode.Success;
        }

        try
        {
            Directory.CreateDirectory(outputDirectory);
            foreach (var program in result.Programs)
            {
                File.WriteAllText(Path.Combine(outputDirectory, program.FileName), program.Text);
            }

            if (PatternDirectory(result, outputDirectory) is { } patterns)
            {
                Directory.CreateDirectory(patterns);
                foreach (var source in result.GrokPatternSources)
                {
                    var files = Directory.Exists(source) ? Directory.GetFiles(source) : [source];
                    foreach (var file in files)
                    {
                        File.Copy(file, Path.Combine(patterns, Path.GetFileName(file)), overwrite: true);
                    }
                }

                if (result.GrokPatterns.Length > 0)
                {
                    File.WriteAllText(Path.Combine(patterns, "zz_grok_patterns_inline"), result.GrokPatterns + "\n");
                }
            }

            File.WriteAllText(Path.Combine(outputDirectory, "IMPORT-REPORT.txt"), report);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"{outputDirectory}: error: {e.Message}");
            return ExitCode.Failure;
        }

        errors.WriteLine($"wrote {result.Programs.Count} program(s) to {outputDirectory}");
        return ExitCode.Success;
    }

    /// <summary>The report: every message with its YAML position, then the command that runs the programs.</summary>
    public static string Report(string configPath, ImportResult result, string? outputDirectory)
    {
        var builder = new StringBuilder();
        foreach (var message in result.Messages)
        {
            builder.AppendLine(message.Format(configPath));
        }

        if (result.Success)
        {
            var command = new StringBuilder("logmetrics run --progs ").Append(outputDirectory ?? "DIR");
            foreach (var log in result.Logs)
            {
                command.Append(" --logs '").Append(log).Append('\'');
            }

            if (result.Config is { InputType: "webhook" } webhook)
            {
                command.Append(" --webhook ").Append(webhook.WebhookPath).Append(" --webhook-format ").Append(webhook.WebhookFormat)
                    .Append(" --webhook-json-selector '").Append(webhook.WebhookJsonSelector).Append('\'');
                if (result.WebhookExtra)
                {
                    command.Append(" --webhook-extra");
                }
            }

            command.Append(" --emit-prog-label=false --listen ").Append(result.Listen);
            if (PatternDirectory(result, outputDirectory ?? "DIR") is { } patterns)
            {
                command.Append(" --grok-patterns ").Append(patterns);
            }

            if (result.ReadAll)
            {
                command.Append(" --from-start");
            }

            builder.AppendLine($"{configPath}: {result.Programs.Count} metric(s) translated; run them with:");
            builder.AppendLine("  " + command);
            builder.AppendLine($"  or, without importing: logmetrics run --config {configPath}");
        }

        return builder.ToString();
    }

    private static string? PatternDirectory(ImportResult result, string? outputDirectory) =>
        outputDirectory is not null && (result.GrokPatterns.Length > 0 || result.GrokPatternSources.Count > 0)
            ? Path.Combine(outputDirectory, "patterns")
            : null;
}
