using System.CommandLine;
using LogMetrics.Cli.Grok;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Cli.Commands;

internal static class GrokCommandFactory
{
    public static readonly Argument<string> Pattern = new("PATTERN")
    {
        Description = "A regex with grok references, e.g. '%{IPORHOST:client} %{WORD:method}'.",
    };

    public static readonly Option<string[]> PatternDef = new("--pattern-def")
    {
        Description = "An inline grok pattern 'NAME REGEX', added to the library (after --grok-patterns). Repeatable.",
        DefaultValueFactory = _ => [],
        AllowMultipleArgumentsPerToken = false,
    };

    public static Command Create()
    {
        var command = new Command("grok", "Match each stdin line against a pattern and print {\"match\": ..., \"captures\": {...}} per line.");
        command.Arguments.Add(Pattern);
        command.Options.Add(EngineOptionSet.GrokPatterns);
        command.Options.Add(EngineOptionSet.MatchTimeout);
        command.Options.Add(PatternDef);
        command.SetAction(parseResult =>
        {
            var grok = EngineOptionSet.LoadGrok(parseResult.GetValue(EngineOptionSet.GrokPatterns), Console.Error);
            if (grok is null)
            {
                return (int)ExitCode.Usage;
            }

            grok = AddDefinitions(grok, parseResult.GetValue(PatternDef) ?? [], Console.Error);
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

    /// <summary>Adds each 'NAME REGEX'; null (errors written) when one is malformed or does not compile.</summary>
    public static GrokLibrary? AddDefinitions(GrokLibrary grok, IReadOnlyList<string> definitions, TextWriter errors)
    {
        if (definitions.Count == 0)
        {
            return grok;
        }

        var pairs = new List<(string, string)>();
        foreach (var definition in definitions)
        {
            var trimmed = definition.Trim();
            var split = trimmed.IndexOfAny([' ', '\t']);
            if (split <= 0 || trimmed[split..].Trim().Length == 0)
            {
                errors.WriteLine($"error: --pattern-def '{definition}': expected 'NAME REGEX'");
                return null;
            }

            pairs.Add((trimmed[..split], trimmed[split..].TrimStart(' ', '\t')));
        }

        var library = grok.WithDefinitions(pairs, out var problems);
        foreach (var problem in problems)
        {
            errors.WriteLine($"error: {problem}");
        }

        return problems.Count > 0 ? null : library;
    }
}
