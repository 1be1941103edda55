using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using LogMetrics.Cli.Commands;

namespace LogMetrics.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = RootCommandFactory.Create();
        HelpText.Configure(root);
        var parseResult = root.Parse(NegatableFlags.Rewrite(root, args));
        // The daemon handles SIGINT/SIGTERM itself so that it can finish the lines in hand.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        if (parseResult.Action is HelpAction)
        {
            using var help = new StringWriter();
            var code = parseResult.Invoke(new InvocationConfiguration { Output = help, ProcessTerminationTimeout = null });
            Console.Out.Write(HelpText.Rewrite(help.ToString()));
            return code;
        }

        if (parseResult.Action is ParseErrorAction)
        {
            using var usage = new StringWriter();
            parseResult.Invoke(new InvocationConfiguration { Output = usage, Error = Console.Error, ProcessTerminationTimeout = null });
            Console.Out.Write(HelpText.Rewrite(usage.ToString()));
            if (MtailFlags.Hint(args) is { } hint)
            {
                Console.Error.WriteLine(hint);
            }

            return (int)ExitCode.Usage;
        }

        return parseResult.Invoke(configuration);
    }
}
