using System.CommandLine;

namespace LogMetrics.Cli.Commands;

internal static class RootCommandFactory
{
    public static RootCommand Create()
    {
        var root = new RootCommand("LogMetrics: turns log lines into Prometheus metrics with mtail-language .rules programs.");
        root.Subcommands.Add(CheckCommandFactory.Create());
        root.Subcommands.Add(RunCommandFactory.Create());
        root.Subcommands.Add(TestCommandFactory.Create());
        root.Subcommands.Add(GrokCommandFactory.Create());
        root.Subcommands.Add(ExplainCommandFactory.Create());
        root.Subcommands.Add(FmtCommandFactory.Create());
        root.Subcommands.Add(ImportCommandFactory.Create());
        root.SetAction(parseResult =>
        {
            Console.Error.WriteLine("A command is required: check, run, test, grok, explain, fmt or import. See --help.");
            return (int)ExitCode.Usage;
        });
        return root;
    }
}
