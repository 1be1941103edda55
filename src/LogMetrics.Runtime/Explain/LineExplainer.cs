using System.Text.RegularExpressions;
using LogMetrics.Language;
using LogMetrics.Language.Binding;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Patterns;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Codegen;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Explain;

/// <summary>
/// Runs one program over lines, one at a time, on a store of its own, and explains chosen lines: each pattern matched or
/// not (and how far it got), the captures, the statements run and the series changed. The program is compiled with a
/// tracer; the engine's own closures are never traced.
/// </summary>
public sealed partial class LineExplainer
{
    private readonly BoundProgram _program;
    private readonly string[] _source;
    private readonly MetricStore _store;
    private readonly IReadOnlyDictionary<MetricSymbol, MetricFamily> _families;
    private readonly Func<LineContext, bool> _body;
    private readonly LineContext _context;
    private readonly Recorder _recorder = new();
    private readonly EngineOptions _options;
    private readonly Regex?[] _fullRegexes;
    private readonly Dictionary<int, BoundMatchExpression> _matchBySlot;

    private LineExplainer(string name, string text, BoundProgram program, EngineOptions options)
    {
        Program = name;
        _program = program;
        _options = options;
        _source = text.Split('\n');
        _store = new MetricStore(new MetricStoreOptions());
        var families = new Dictionary<MetricSymbol, MetricFamily>();
        foreach (var metric in program.Metrics)
        {
            families[metric] = _store.Register(Engine.Describe(metric, name));
        }

        _families = families;
        var compiler = new ProgramCompiler(program, families, options with { Prematch = false }, _recorder);
        _body = compiler.CompileBlock(program.Body);
        _context = new LineContext(program.Patterns.Count);
        _fullRegexes = program.Patterns.Select(p => Compile(p.Translation, options.MatchTimeout)).ToArray();
        _matchBySlot = BoundTreeWalker.Matches(program.Body)
            .GroupBy(m => m.Pattern.Slot)
            .ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The program's file name.</summary>
    public string Program { get; }

    /// <summary>Compiles a program for explaining; null (with the diagnostics) when it does not compile, or (with
    /// <paramref name="error"/>) when its code cannot be built.</summary>
    public static LineExplainer? Create(string path, string text, EngineOptions options, out IReadOnlyList<Diagnostic> diagnostics, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var name = Path.GetFileName(path);
        var compilation = Compiler.Compile(name, text, new CompilerOptions { Grok = options.Grok });
        diagnostics = compilation.Diagnostics;
        error = null;
        if (compilation.Program is null)
        {
            return null;
        }

        try
        {
            return new LineExplainer(name, text, compilation.Program, options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // As in Engine.Load: a program whose code cannot be built is an error, not a crash.
            error = RuntimeErrors.CodegenFailed(e.Message);
            return null;
        }
    }

    /// <summary>Runs a line without explaining it (the lines before a chosen one), so that values before are right.</summary>
    public void Run(string line, string source)
    {
        _recorder.Steps = null;
        Execute(line, source);
    }

    public LineExplanation Explain(string line, int lineNumber, string source)
    {
        ArgumentNullException.ThrowIfNull(line);
        var before = SeriesValues.Read(_families.Values);
        var steps = new List<(BoundNode Node, StepKind Kind, string Outcome, string? Error)>();
        _recorder.Steps = steps;
        _recorder.Ran.Clear();
        Execute(line, source);
        _recorder.Steps = null;
        var error = _context.Error;
        var after = SeriesValues.Read(_families.Values);

        var patterns = _program.Patterns.Select(p => ExplainPattern(p, line)).ToList();
        var stepList = steps.Select(s => new StepExplanation(s.Node.Span, SourceOf(s.Node.Span), s.Kind, s.Outcome, s.Error)).ToList();
        SourceSpan? errorAt = error is null ? null : steps.LastOrDefault(s => s.Error is not null).Node?.Span;
        return new LineExplanation(Program, lineNumber, line, patterns, stepList, SeriesValues.Changes(before, after), error, errorAt);
    }

    private void Execute(string line, string source)
    {
        var ctx = _context;
        ctx.Text = line;
        ctx.Source = source;
        ctx.ReadTimeMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        ctx.Prematch = null;
        ctx.BeginLine(0, line.Length);
        ctx.LineIndex = 0;
        try
        {
            _body(ctx);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // As in the engine: an unexpected failure is this line's runtime error.
            ctx.Fail(e.Message);
        }
    }

    private PatternExplanation ExplainPattern(BoundPattern pattern, string line)
    {
        _matchBySlot.TryGetValue(pattern.Slot, out var use);
        var onLine = use is null || use.Subject is null;
        var span = use?.Span ?? default;
        var reached = _recorder.Ran.TryGetValue(pattern.Slot, out var matchedWhenRun);
        var grok = GrokReferences(pattern.Text);
        var regex = _fullRegexes[pattern.Slot];
        Match? match = null;
        if (onLine && regex is not null)
        {
            try
            {
                match = regex.Match(line);
            }
            catch (RegexMatchTimeoutException)
            {
                match = null;
            }
        }

        var matched = onLine ? match?.Success == true : reached && matchedWhenRun;
        var captures = new List<CaptureExplanation>();
        if (match is { Success: true })
        {
            captures.Add(new CaptureExplanation(0, null, CaptureType.String, false, match.Value));
            foreach (var group in pattern.Translation.Groups)
            {
                var g = match.Groups[group.Number];
                captures.Add(new CaptureExplanation(group.Number, group.Name, group.Type, group.IsTypeDeclared, g.Success ? g.Value : null));
            }
        }

        var progress = onLine && !matched ? PatternProgressFinder.Find(pattern.Translation, line, _options.MatchTimeout) : null;
        return new PatternExplanation(pattern.Slot, span, pattern.Text, onLine, reached, matched, grok, captures, progress);
    }

    private IReadOnlyList<GrokReference> GrokReferences(string pattern)
    {
        var grok = _options.Grok ?? GrokLibrary.Default;
        return GrokReferencePattern().Matches(pattern)
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .Select(reference => (reference, definition: grok.GetDefinition(GrokReferencePattern().Match(reference).Groups[1].Value)))
            .Where(r => r.definition is not null)
            .Select(r => new GrokReference(r.reference, r.definition!))
            .ToList();
    }

    private string SourceOf(SourceSpan span)
    {
        if (span.Line < 1 || span.Line > _source.Length)
        {
            return "";
        }

        return _source[span.Line - 1].TrimEnd('\r').Trim();
    }

    private static Regex? Compile(RegexTranslation translation, TimeSpan timeout)
    {
        if (!translation.Success)
        {
            return null;
        }

        try
        {
            return new Regex(translation.Pattern, translation.Options, timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"%\{(\w+)(?::[^}:]*(?::\w+)?)?\}")]
    private static partial Regex GrokReferencePattern();

    /// <summary>Keeps the steps of the explained line (none while lines are only run) and which patterns ran.</summary>
    private sealed class Recorder : IExecutionTracer
    {
        public List<(BoundNode Node, StepKind Kind, string Outcome, string? Error)>? Steps;
        public readonly Dictionary<int, bool> Ran = [];

        public void Entering(BoundStatement statement)
        {
        }

        public void Left(BoundStatement statement, bool go, string? error)
        {
            if (statement is BoundConditionalStatement)
            {
                // Its condition and its statements are recorded on their own.
                return;
            }

            Steps?.Add((statement, StepKind.Statement, error is not null ? "runtime error" : go ? "ran" : "stopped the program", error));
        }

        public void Condition(BoundConditionalStatement conditional, bool value, string? error)
        {
            if (Steps is null)
            {
                return;
            }

            var outcome = error is not null ? "runtime error" : value ? "true: block runs" : conditional.Else is null ? "false: block skipped" : "false: else block runs";
            // A condition that is one match was just recorded as that match: one step says both.
            if (Steps.Count > 0 && Steps[^1].Kind == StepKind.Match && ReferenceEquals(Steps[^1].Node, conditional.Condition))
            {
                outcome = Steps[^1].Outcome + (error is not null ? "" : value ? ": block runs" : conditional.Else is null ? ": block skipped" : ": else block runs");
                Steps.RemoveAt(Steps.Count - 1);
            }

            Steps.Add((conditional, StepKind.Condition, outcome, error));
        }

        public void Matched(BoundMatchExpression match, bool value, string? error)
        {
            if (Steps is null)
            {
                return;
            }

            // The pattern's own outcome: `!~` negates the expression, not the match.
            Ran[match.Pattern.Slot] = value != match.Negated;
            Steps.Add((match, StepKind.Match, error is not null ? "runtime error" : value != match.Negated ? "matched" : "did not match", error));
        }
    }
}
