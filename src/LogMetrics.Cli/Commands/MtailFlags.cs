namespace LogMetrics.Cli.Commands;

/// <summary>Hints for mtail's flags that LogMetrics spells differently.</summary>
internal static class MtailFlags
{
    /// <summary>The hint for the first mtail-only flag in <paramref name="args"/>, or null.</summary>
    public static string? Hint(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--port" or "-port" && i + 1 < args.Count)
            {
                return PortHint(args[i + 1]);
            }

            foreach (var prefix in (string[])["--port=", "-port="])
            {
                if (arg.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return PortHint(arg[prefix.Length..]);
                }
            }

            if (arg is "--port" or "-port")
            {
                return PortHint("3903");
            }
        }

        return null;
    }

    private static string PortHint(string port) =>
        $"hint: LogMetrics has no --port (mtail's flag); use --listen HOST:PORT, e.g. --listen 0.0.0.0:{port}";
}
