using System.CommandLine;
using LogMetrics.Cli.Grok;

namespace LogMetrics.Cli.Commands;

internal static class GrokCommandFactory
{
    public static readonly Argument<string> Pattern = new("PATTERN")
    {
        Description = "A regex with grok references, e.g. '%{IPORHOST:client} %{WORD:method}'.",
    };

    public static Command Create()
    {
        var command = new Command("grok", "Match each stdin line against a pattern and print {\"match\": ..., \"captures\": {...}} per line.");
        command.Arguments.Add(Pattern);
        command.Options.Add(EngineOptionSet.GrokPatterns);
        command.Options.Add(EngineOptionSet.MatchTimeout);
        command.SetAction(parseResult =>
        {
            var grok = EngineOptionSet.LoadGrok(parseResult.GetValue(EngineOptionSet.GrokPatterns), Console.Error);
            if (grok is null)
            {
                return (int)ExitCode.Usage;
            }

            using var stdout = Console.OpenStandardOutput();
            var timeout = parseResult.GetValue(EngineOptionSet.MatchTimeout);
            return (int)GrokWorker.Run(parseResult.GetValue(Pattern)!, grok, timeout, Console.In, stdout, Console.Error);
        });
        return command;
    }
}
