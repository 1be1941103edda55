using System.CommandLine;
using LogMetrics.Cli.Testing;
using LogMetrics.Tailing;
using LogMetrics.Tailing.Records;

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

    public static readonly Option<LogFormat> InputFormat = new("--input-format")
    {
        Description = "How the sample's lines are decoded: plain, docker (json-file) or cri (Kubernetes).",
        DefaultValueFactory = _ => LogFormat.Plain,
    };

    public static readonly Option<MultilineRule[]> Multiline = MultilineOption.Create();

    public static Command Create()
    {
        var command = new Command("test", "Run a program over a sample log and compare the metrics with an expected file.");
        command.Arguments.Add(Program);
        command.Options.Add(Log);
        command.Options.Add(Expect);
        command.Options.Add(Update);
        command.Options.Add(InputFormat);
        command.Options.Add(Multiline);
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
                    settings with { Engine = settings.Engine with { Parallel = false } },
                    parseResult.GetValue(InputFormat),
                    parseResult.GetValue(Multiline) ?? []);
        });
        return command;
    }
}
