using System.CommandLine;
using LogMetrics.Cli.Import;

namespace LogMetrics.Cli.Commands;

internal static class ImportCommandFactory
{
    public static readonly Argument<FileInfo> Config = new("CONFIG")
    {
        Description = "The grok_exporter config.yml (config_version 2 or 3).",
    };

    public static readonly Option<DirectoryInfo?> Output = new("--output", "-o")
    {
        Description = "Directory to write the programs, grok patterns and IMPORT-REPORT.txt to; without it the programs go to stdout.",
    };

    public static Command Create()
    {
        var command = new Command("import", "Translate another tool's config into programs.");
        var grokExporter = new Command("grok-exporter", "Translate a grok_exporter config.yml into .rules programs, one per metric, with a report of what could not be translated.");
        grokExporter.Arguments.Add(Config);
        grokExporter.Options.Add(Output);
        grokExporter.Options.Add(EngineOptionSet.GrokPatterns);
        grokExporter.SetAction(parseResult =>
        {
            var grok = EngineOptionSet.LoadGrok(parseResult.GetValue(EngineOptionSet.GrokPatterns), Console.Error);
            return grok is null
                ? (int)ExitCode.Usage
                : (int)ImportWorker.Run(parseResult.GetValue(Config)!.ToString(), parseResult.GetValue(Output)?.FullName, grok, Console.Out, Console.Error);
        });
        command.Subcommands.Add(grokExporter);
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("Say what to import from: logmetrics import grok-exporter config.yml [-o DIR]");
            return (int)ExitCode.Usage;
        });
        return command;
    }
}
