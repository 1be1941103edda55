using System.CommandLine.Parsing;
using System.Globalization;

namespace LogMetrics.Cli.Commands;

/// <summary>Integer options whose error says what is expected instead of naming System.Int32.</summary>
internal static class IntegerOption
{
    /// <summary>A whole number (its range is the option's validator's business).</summary>
    public static int Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"'{text}' is not a valid value for {name}; use a whole number.");
        return 0;
    }

    public static int? ParseNullable(ArgumentResult result) => Parse(result);

    /// <summary>The option's value when it was given as a whole number; null when absent or not a number.</summary>
    public static int? TryRead(OptionResult result) =>
        result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
