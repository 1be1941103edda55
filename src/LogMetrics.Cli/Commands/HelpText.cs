using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LogMetrics.Cli.Commands;

/// <summary>Help as users write values: durations as 1s or 250ms, defaults in lower case, and the --no- form of flags
/// that are on by default. System.CommandLine writes defaults with ToString (00:00:01, Prometheus), so its text is rewritten.</summary>
internal static partial class HelpText
{
    /// <summary>Adds the `--no-NAME` spelling to every flag that is on by default (shown in help; <see cref="NegatableFlags"/> parses it).</summary>
    public static void Configure(RootCommand root)
    {
        foreach (var flag in AllOptions(root).OfType<Option<bool>>().Where(NegatableFlags.IsOnByDefault))
        {
            var negation = NegatableFlags.Negation(flag);
            if (!flag.Aliases.Contains(negation))
            {
                flag.Aliases.Add(negation);
                flag.Description += $" On by default; turn off with {negation} or {flag.Name}=false.";
            }
        }
    }

    public static string Rewrite(string help)
    {
        help = DurationDefault().Replace(help, m =>
            TimeSpan.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var value)
                ? $"[default: {Duration.Format(value)}]"
                : m.Value);
        return WordDefault().Replace(help, m => $"[default: {m.Groups[1].Value.ToLowerInvariant()}]");
    }

    public static IEnumerable<Option> AllOptions(Command command) =>
        command.Options.Concat(command.Subcommands.SelectMany(AllOptions)).Distinct();

    [GeneratedRegex(@"\[default: (\d+(?:\.\d+)?:\d\d:\d\d(?:\.\d+)?)\]")]
    private static partial Regex DurationDefault();

    [GeneratedRegex(@"\[default: ([A-Z][A-Za-z]*)\]")]
    private static partial Regex WordDefault();
}
