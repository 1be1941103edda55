using System.CommandLine;
using System.CommandLine.Parsing;

namespace LogMetrics.Cli.Commands;

/// <summary>Enum-valued options read and shown in lower case, with an error that lists the choices instead of naming the .NET type.</summary>
internal static class EnumOption
{
    public static T Parse<T>(ArgumentResult result)
        where T : struct, Enum
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"'{text}' is not a valid value for {name}; use {Choices<T>(" or ")}.");
        return default;
    }

    /// <summary>Shows the choices (`text|json`) as the option's value name in help.</summary>
    public static void ListValues<T>(Option<T> option)
        where T : struct, Enum => option.HelpName = Choices<T>("|");

    public static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Choices<T>(string separator)
        where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(Name).ToArray();
        return separator == "|" ? string.Join("|", names) : string.Join(", ", names[..^1]) + separator + names[^1];
    }
}
