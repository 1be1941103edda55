using System.CommandLine;
using System.CommandLine.Invocation;
using LogMetrics.Cli.Commands;

namespace LogMetrics.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = RootCommandFactory.Create();
        var parseResult = root.Parse(args);
        // The daemon handles SIGINT/SIGTERM itself so that it can finish the lines in hand.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        if (parseResult.Action is ParseErrorAction)
        {
            parseResult.Invoke(configuration);
            return (int)ExitCode.Usage;
        }

        return parseResult.Invoke(configuration);
    }
}
