using System.CommandLine;

namespace LogMetrics.Cli.Commands;

/// <summary>Flags that are on by default can be turned off with `--no-NAME` as well as `--NAME=false`.</summary>
internal static class NegatableFlags
{
    public static bool IsOnByDefault(Option<bool> flag) => flag.HasDefaultValue && flag.GetDefaultValue() is true;

    public static string Negation(Option flag) => "--no-" + flag.Name.TrimStart('-');

    /// <summary>Rewrites each `--no-NAME` of a flag that is on by default to `--NAME=false`; other arguments are kept.</summary>
    public static string[] Rewrite(RootCommand root, IReadOnlyList<string> args)
    {
        var negations = HelpText.AllOptions(root)
            .OfType<Option<bool>>()
            .Where(IsOnByDefault)
            .GroupBy(Negation, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var rewritten = new string[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            rewritten[i] = negations.TryGetValue(args[i], out var name) ? name + "=false" : args[i];
        }

        return rewritten;
    }
}
