using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace LogMetrics.Cli.Web;

/// <summary>YamlDotNet's messages in the file's own terms: keys and values, never the .NET types they map to.</summary>
internal static partial class YamlErrorMessage
{
    public static string Describe(YamlException exception)
    {
        var message = (exception.InnerException ?? exception).Message;
        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            return $"unknown key '{unknown.Groups[1].Value}'";
        }

        if (exception.InnerException is FormatException or OverflowException)
        {
            return $"value has the wrong type: {TypeNames().Replace(message, "the expected type")}";
        }

        return TypeNames().Replace(message, "the expected type");
    }

    [GeneratedRegex(@"^Property '([^']*)' not found on type '[^']*'")]
    private static partial Regex UnknownProperty();

    // A quoted or bare fully qualified .NET type name (System.Boolean, LogMetrics.Cli.Web.WebConfigFile, generic forms).
    [GeneratedRegex(@"'?\b(?:System|LogMetrics|YamlDotNet|Microsoft)(?:\.[\w`]+)+(?:\[[^\]]*\])*'?")]
    private static partial Regex TypeNames();
}
