using System.CommandLine;
using LogMetrics.Cli.Testing;

namespace LogMetrics.Cli.Commands;

internal static class TestCommandFactory
{
    public static readonly Argument<string> Program = new("PROGRAM")
    {
        Description = "The program file to test.",
    };

    public static readonly Option<string> Log = new("--log")
    {
        Description = "A sample log read from start to end.",
        Required = true,
    };

    public static readonly Option<string> Expect = new("--expect")
    {
        Description = "The expected Prometheus text; comments and blank lines are ignored.",
        Required = true,
    };

    public static readonly Option<bool> Update = new("--update")
    {
        Description = "Rewrite the expected file with the actual output.",
    };

    public static Command Create()
    {
        var command = new Command("test", "Run a program over a sample log and compare the metrics with an expected file.");
        command.Arguments.Add(Program);
        command.Options.Add(Log);
        command.Options.Add(Expect);
        command.Options.Add(Update);
        EngineOptionSet.AddTo(command);
        command.SetAction(parseResult =>
        {
            var settings = EngineOptionSet.Read(parseResult, Console.Error);
            return settings is null
                ? (int)ExitCode.Usage
                : (int)TestWorker.Run(
                    parseResult.GetValue(Program)!,
                    parseResult.GetValue(Log)!,
                    parseResult.GetValue(Expect)!,
                    parseResult.GetValue(Update),
                    settings with { Engine = settings.Engine with { Parallel = false } });
        });
        return command;
    }
}
