using System.CommandLine;
using LogMetrics.Cli.Explain;

namespace LogMetrics.Cli.Commands;

internal static class ExplainCommandFactory
{
    public static readonly Argument<string> Program = new("PROGRAM")
    {
        Description = "A program file, or a directory of *.rules and *.mtail programs.",
    };

    public static readonly Option<string> Log = new("--log")
    {
        Description = "The log whose lines are explained (- for stdin). Every line before a chosen one is run too, so values before are right.",
        Required = true,
    };

    public static readonly Option<int?> Line = new("--line")
    {
        Description = "Explain only line N (1-based).",
        CustomParser = IntegerOption.ParseNullable,
    };

    public static readonly Option<string?> Grep = new("--grep")
    {
        Description = "Explain only the lines that contain TEXT.",
    };

    public static readonly Option<ExplainFormat> Format = new("--format")
    {
        Description = "text for people; json: one JSON object per program and line.",
        DefaultValueFactory = _ => ExplainFormat.Text,
        CustomParser = EnumOption.Parse<ExplainFormat>,
    };

    public static Command Create()
    {
        EnumOption.ListValues(Format);
        Line.HelpName = "N";
        Grep.HelpName = "TEXT";
        var command = new Command("explain", "Show what a program does with chosen log lines: each pattern matched or how far it got, the captures, the statements run and the series changed.");
        command.Arguments.Add(Program);
        command.Options.Add(Log);
        command.Options.Add(Line);
        command.Options.Add(Grep);
        command.Options.Add(Format);
        EngineOptionSet.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Line) is not null && result.GetValue(Grep) is not null)
            {
                result.AddError("--line and --grep cannot be used together.");
            }

            if (result.GetValue(Line) is 0)
            {
                result.AddError("--line counts from 1.");
            }
        });
        command.SetAction(parseResult =>
        {
            var settings = EngineOptionSet.Read(parseResult, Console.Error);
            if (settings is null)
            {
                return (int)ExitCode.Usage;
            }

            var request = new ExplainRequest(
                parseResult.GetValue(Program)!,
                parseResult.GetValue(Log)!,
                parseResult.GetValue(Line),
                parseResult.GetValue(Grep),
                parseResult.GetValue(Format));
            return (int)ExplainWorker.Run(request, settings, Console.In, Console.Out, Console.Error);
        });
        return command;
    }
}
