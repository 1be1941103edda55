using System.CommandLine;
using LogMetrics.Tailing.Records;

namespace LogMetrics.Cli.Commands;

/// <summary>`--multiline GLOB=start:/REGEX/[,max_lines=N][,max_bytes=N][,timeout=DUR]`, shared by `run` and `test`.</summary>
internal static class MultilineOption
{
    public static Option<MultilineRule[]> Create() => new("--multiline")
    {
        Description = "Join lines into records: GLOB=start:/REGEX/ (a matching line starts a record) or GLOB=continue:/REGEX/ "
            + "(a matching line continues the record before it), then ,max_lines=N (500) ,max_bytes=N (1MiB) ,timeout=DUR (1s). "
            + "GLOB= may be left out to apply to every log. Repeatable; the first rule whose glob matches a log applies.",
        DefaultValueFactory = _ => [],
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result =>
        {
            var rules = new List<MultilineRule>();
            foreach (var token in result.Tokens)
            {
                if (MultilineRule.TryParse(token.Value, out var rule, out var error))
                {
                    rules.Add(rule!);
                }
                else
                {
                    result.AddError("--multiline " + error);
                }
            }

            return [.. rules];
        },
    };
}
