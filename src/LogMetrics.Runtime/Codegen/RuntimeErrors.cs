using System.Globalization;
using LogMetrics.Metrics;

namespace LogMetrics.Runtime.Codegen;

/// <summary>
/// Every runtime error a program's line can end with, one method per message. Where mtail has the same error, the text
/// is mtail's (Go's strconv and time wording), so logs and tests read alike.
/// </summary>
internal static class RuntimeErrors
{
    public static string RegexTimedOut(string pattern) => $"regex match timed out: /{pattern}/";

    public static string InvalidRegex(string pattern, string? error) => $"invalid regex /{pattern}/: {error}";

    public static string MissingField(string field) => $"field {field} is missing or null";

    public static string FieldNotBoolean(string? field, ReadOnlySpan<char> text) => $"field {field}: \"{text}\" is not a boolean";

    public static string DeleteAfterNoDatum(string metric) => $"del {metric} after: no datum for given labelvalues";

    /// <summary>A capture or field that does not parse as an Int.</summary>
    public static string CaptureNotInt(string text, bool field, string name) =>
        $"strconv.ParseInt: parsing \"{text}\" ({(field ? "field" : "capture")} {name}): invalid syntax";

    public static string NotInt(string text) => $"strconv.ParseInt: parsing \"{text}\": invalid syntax";

    /// <summary>A capture or field that does not parse as a Float.</summary>
    public static string CaptureNotFloat(string text, bool field, string name) =>
        $"strconv.ParseFloat: parsing \"{text}\" ({(field ? "field" : "capture")} {name}): {FloatSyntaxError(text)}";

    public static string NotFloat(string text) => $"strconv.ParseFloat: parsing \"{text}\": {FloatSyntaxError(text)}";

    public static string FloatIntoInt(double value) =>
        string.Create(CultureInfo.InvariantCulture, $"unexpected int type float64 ({GoFloatFormatter.FormatG(value)}): a Float stored into an Int metric");

    public static string IntIntoFloat(long value) =>
        string.Create(CultureInfo.InvariantCulture, $"unexpected float type int64 ({value}): an Int stored into a Float metric");

    /// <summary>fail(text): the program's own words.</summary>
    public static string Failed(string text) => $"fail: {text}";

    public const string DivideByZero = "Divide by zero";

    public const string NegativeShift = "negative shift amount";

    public static string StrtolBase(long numberBase) => $"strtol: invalid base {numberBase}";

    public static string ParsetimeFailed(string value, string layout) => $"parsetime: cannot parse \"{value}\" as \"{layout}\"";

    public static string StrptimeFailed(string value, string layout) => $"strptime: cannot parse \"{value}\" as \"{layout}\"";

    /// <summary>A program that compiled but whose code could not be built (a bug, or an engine setting its code cannot run with).</summary>
    public static string CodegenFailed(string reason) => $"its code could not be built: {reason}";

    private static string FloatSyntaxError(string text) =>
        GoStrconv.TryParseFloat(text, out _, out var outOfRange) || !outOfRange ? "invalid syntax" : "value out of range";
}
