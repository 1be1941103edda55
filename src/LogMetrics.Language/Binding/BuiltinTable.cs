namespace LogMetrics.Language.Binding;

/// <summary>Every builtin's signature, the one list the Binder checks calls against.</summary>
public static class BuiltinTable
{
    private const BoundType Any = BoundType.None;

    /// <summary>In the order of <see cref="Builtin"/>.</summary>
    public static IReadOnlyList<BuiltinSignature> All { get; } =
    [
        new(Builtin.Basename, "basename", [BoundType.String], BoundType.String),
        new(Builtin.Bool, "bool", [Any], BoundType.Bool),
        new(Builtin.Float, "float", [Any], BoundType.Float),
        new(Builtin.GetFilename, "getfilename", [], BoundType.String),
        // The pattern is a regex or string literal (or a const), compiled at load.
        new(Builtin.Gsub, "gsub", [BoundType.String, BoundType.Pattern, BoundType.String], BoundType.String),
        new(Builtin.Int, "int", [Any], BoundType.Int),
        // The layout is a string literal.
        new(Builtin.Parsetime, "parsetime", [BoundType.String, BoundType.String], BoundType.Float),
        new(Builtin.Len, "len", [BoundType.String], BoundType.Int),
        new(Builtin.Settime, "settime", [BoundType.Int], BoundType.None),
        new(Builtin.String, "string", [Any], BoundType.String),
        // The layout is a string literal.
        new(Builtin.Strptime, "strptime", [BoundType.String, BoundType.String], BoundType.None),
        new(Builtin.Strtol, "strtol", [BoundType.String, BoundType.Int], BoundType.Int),
        // The first argument may also be a regex, which then replaces every match.
        new(Builtin.Subst, "subst", [BoundType.String, BoundType.String, BoundType.String], BoundType.String),
        new(Builtin.Timestamp, "timestamp", [], BoundType.Int),
        new(Builtin.Tolower, "tolower", [BoundType.String], BoundType.String),
        // A runtime error with the given text: counted and logged, and the program stops for this line.
        new(Builtin.Fail, "fail", [BoundType.String], BoundType.None),
    ];

    private static readonly Dictionary<string, BuiltinSignature> ByName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The builtin a call names; false for an unknown name.</summary>
    public static bool TryFind(string name, out BuiltinSignature signature) => ByName.TryGetValue(name, out signature!);

    public static BuiltinSignature Of(Builtin builtin) => All[(int)builtin];

    /// <summary>Every name a call may use: the builtins and `defined`, sorted.</summary>
    public static IReadOnlyList<string> CallableNames { get; } = [.. All.Select(s => s.Name).Append("defined").Order(StringComparer.Ordinal)];
}
