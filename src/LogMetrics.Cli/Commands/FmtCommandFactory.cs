using System.CommandLine;
using LogMetrics.Cli.Format;

namespace LogMetrics.Cli.Commands;

internal static class FmtCommandFactory
{
    public static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Program files, or directories whose *.rules and *.mtail files are formatted.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<bool> Check = new("--check")
    {
        Description = "Change nothing: print a diff for each file that is not in canonical form and exit 1 if there is one.",
    };

    public static Command Create()
    {
        var command = new Command("fmt", "Rewrite programs in canonical form (indentation, spacing, blank lines); comments are kept and the meaning does not change.");
        command.Arguments.Add(Paths);
        command.Options.Add(Check);
        command.SetAction(parseResult =>
            (int)FmtWorker.Run(parseResult.GetValue(Paths)!, parseResult.GetValue(Check), Console.Out, Console.Error));
        return command;
    }
}
