using System.Text.RegularExpressions;
using LogMetrics.Language.Binding;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Execution;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Codegen;

/// <summary>
/// Turns a bound program into a tree of typed closures. A statement closure returns false when the program must stop
/// for this line (a `stop` or a runtime error recorded in <see cref="LineContext.Error"/>).
/// </summary>
internal sealed partial class ProgramCompiler
{
    private readonly IReadOnlyDictionary<MetricSymbol, MetricFamily> _families;
    private readonly EngineOptions _options;
    private readonly TimedRegex[] _regexes;

    /// <summary>By slot, the matcher that stands in for the regex on a line when the pattern is plain enough (null: the regex).</summary>
    private readonly SimpleMatcher?[] _simple;
    private readonly string?[] _literals;
    private readonly bool[] _alwaysMatches;
    private readonly FieldDecoder[] _decoders;

    // Only `explain` passes a tracer; without one the closures are the same as ever (no check per line).
    private readonly IExecutionTracer? _tracer;

    // The match kept for a pattern that always matches with an empty $0 (`/$/`, `/^/`, `//`); one per program thread.
    private readonly Match _emptyMatch = new Regex("", RegexOptions.CultureInvariant).Match("");

    public ProgramCompiler(BoundProgram program, IReadOnlyDictionary<MetricSymbol, MetricFamily> families, EngineOptions options, IExecutionTracer? tracer = null)
    {
        _tracer = tracer;
        _families = families;
        _options = options;
        _regexes = new TimedRegex[program.Patterns.Count];
        _simple = new SimpleMatcher?[program.Patterns.Count];
        _literals = new string?[program.Patterns.Count];
        _alwaysMatches = new bool[program.Patterns.Count];
        NetGroups = new int[program.Patterns.Count][];
        foreach (var pattern in program.Patterns)
        {
            // Groups no capture reference reads are compiled non-capturing (see RegexTranslation.CapturingOnly).
            var capturing = pattern.Translation.CapturingOnly(pattern.ReadGroups);
            NetGroups[pattern.Slot] = capturing.NetGroups.ToArray();
            _regexes[pattern.Slot] = new TimedRegex(capturing.Pattern, pattern.Translation.Options | RegexOptions.Compiled, options.MatchTimeout);
            if (options.SimpleMatcher && SimplePattern.TryRead(capturing.Pattern, pattern.Translation.Options) is { } simple
                && simple.Groups == NetGroups[pattern.Slot].Max() + 1)
            {
                _simple[pattern.Slot] = simple;
            }
            _literals[pattern.Slot] = string.IsNullOrEmpty(pattern.Translation.RequiredLiteral) ? null : pattern.Translation.RequiredLiteral;
            _alwaysMatches[pattern.Slot] = AlwaysMatchesEmpty(capturing.Pattern);
        }

        _decoders = program.StructuredPatterns
            .Select(p => p.Format == StructuredFormat.Json ? (FieldDecoder)new JsonFieldDecoder(p.Fields) : new LogfmtFieldDecoder(p.Fields))
            .ToArray();
    }

    /// <summary>By pattern slot, the .NET group number of each RE2 group (-1: compiled non-capturing).</summary>
    private int[][] NetGroups { get; }

    /// <summary>True for a pattern that matches every input with an empty match and no groups, so the regex need not run.</summary>
    internal static bool AlwaysMatchesEmpty(string pattern) => pattern is "" or "^" or @"\z" or "$";

    /// <summary>A prematcher for the pattern of the program's first statement, when that statement is `/re/ { ... }`
    /// on the line: nothing runs before it, so matching it ahead (on another thread) is safe.</summary>
    public Prematcher? CreatePrematcher(BoundProgram program)
    {
        if (program.Body.Statements.Count == 0
            || program.Body.Statements[0] is not BoundConditionalStatement { Condition: BoundMatchExpression { Subject: null } match }
            || _alwaysMatches[match.Pattern.Slot])
        {
            return null;
        }

        var slot = match.Pattern.Slot;
        var groups = NetGroups[slot].Max() + 1;
        return new Prematcher(slot, _regexes[slot], _simple[slot], groups, _literals[slot]);
    }
}
