using System.CommandLine;
using LogMetrics.Cli.Check;

namespace LogMetrics.Cli.Commands;

internal static class CheckCommandFactory
{
    public static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Program files, or directories whose *.rules and *.mtail files are checked.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<DiagnosticFormat> Format = new("--format")
    {
        Description = "text: diagnostics for people on stderr; json: one JSON object per diagnostic on stdout (file, line, column, end, code, severity, message, hint).",
        DefaultValueFactory = _ => DiagnosticFormat.Text,
        CustomParser = EnumOption.Parse<DiagnosticFormat>,
    };

    public static Command Create()
    {
        // An unknown option would otherwise be taken for a path.
        Paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });
        var command = new Command("check", "Compile programs and print their diagnostics; exit 1 on any error.");
        command.Arguments.Add(Paths);
        command.Options.Add(Format);
        EnumOption.ListValues(Format);
        EngineOptionSet.AddTo(command);
        command.SetAction(parseResult =>
        {
            var settings = EngineOptionSet.Read(parseResult, Console.Error);
            return settings is null
                ? (int)ExitCode.Usage
                : (int)CheckWorker.Run(parseResult.GetValue(Paths)!, settings, parseResult.GetValue(Format), Console.Out, Console.Error);
        });
        return command;
    }
}
