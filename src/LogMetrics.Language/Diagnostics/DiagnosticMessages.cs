using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Diagnostics;

/// <summary>Every message the compiler writes about a program (LM1xxx syntax, LM2xxx binding), one method per message.</summary>
public static class DiagnosticMessages
{
    private static Diagnostic Error(string code, SourceSpan span, string message, string? hint = null) =>
        new(code, DiagnosticSeverity.Error, span, message, hint);

    private static Diagnostic Warning(string code, SourceSpan span, string message, string? hint = null) =>
        new(code, DiagnosticSeverity.Warning, span, message, hint);

    // Syntax.
    public static Diagnostic FormatChangedTokens(SourceSpan span) =>
        Error("LM1009", span, "the program could not be formatted without changing its tokens; it was left as it is", "please report this program");

    public static Diagnostic UnexpectedToken(SourceSpan span, string found, string? expected) =>
        Error("LM1001", span, expected is null ? $"unexpected {found}" : $"unexpected {found}, expecting {expected}");

    public static Diagnostic UnterminatedString(SourceSpan span) =>
        Error("LM1002", span, "unterminated string: a string must end with '\"' on the same line");

    public static Diagnostic UnexpectedCharacter(SourceSpan span, string character) =>
        Error("LM1003", span, $"unexpected character '{character}'");

    public static Diagnostic InvalidNumber(SourceSpan span, string text) =>
        Error("LM1004", span, $"invalid number '{text}'");

    public static Diagnostic InvalidDuration(SourceSpan span, string text) =>
        Error("LM1005", span, $"invalid duration '{text}'", "use units h, m, s, ms, e.g. 1h30m");

    public static Diagnostic NestingTooDeep(SourceSpan span, int limit) =>
        Error("LM1007", span, $"blocks and brackets nest more than {limit} levels deep", "mtail itself rejects programs nested more than 100 levels deep");

    public static Diagnostic StatementTooLong(SourceSpan span, int limit) =>
        Error("LM1008", span, $"more than {limit} operators in one statement", "split the computation over several statements");

    public static Diagnostic UnknownClause(SourceSpan span, string name) =>
        Error("LM1006", span, $"unknown declaration clause '{name}'", "clauses are by, as, buckets, le, limit, help, init, quantiles, errors, max_age and retention");

    // Binding and types.
    public static Diagnostic UnknownName(SourceSpan span, string name) =>
        Error("LM2001", span, $"unknown metric '{name}'");

    public static Diagnostic Redeclaration(SourceSpan span, string name, SourceSpan previous) =>
        Error("LM2002", span, $"redeclaration of '{name}', first declared at {previous}");

    public static Diagnostic UnknownCapture(SourceSpan span, string name, IReadOnlyList<string> inScope) =>
        Error("LM2003", span, $"unknown capture '{name}'",
            inScope.Count == 0 ? "no captures are in scope here" : $"captures in scope: {string.Join(", ", inScope)}");

    public static Diagnostic NotEnoughKeys(SourceSpan span, string metric, int expected, int actual) =>
        Error("LM2004", span, $"Not enough keys for metric '{metric}': expected {expected}, got {actual}");

    public static Diagnostic TooManyKeys(SourceSpan span, string metric, int expected, int actual) =>
        Error("LM2005", span, $"Too many keys for metric '{metric}': expected {expected}, got {actual}");

    public static Diagnostic DeleteOnScalar(SourceSpan span, string metric) =>
        Error("LM2006", span, $"cannot delete from '{metric}': del needs a metric with keys, indexed like {metric}[...]");

    public static Diagnostic NextOutsideDecorator(SourceSpan span) =>
        Error("LM2007", span, "'next' is only allowed inside a decorator definition (def)");

    public static Diagnostic DecoratorNextCount(SourceSpan span, string decorator, int count) =>
        Error("LM2008", span, $"decorator '{decorator}' must contain exactly one 'next', found {count}");

    public static Diagnostic DecoratorUsedBeforeDefinition(SourceSpan span, string decorator) =>
        Error("LM2009", span, $"decorator '@{decorator}' is used before its definition", "move the 'def' above its first use");

    public static Diagnostic UnknownDecorator(SourceSpan span, string decorator) =>
        Error("LM2010", span, $"unknown decorator '@{decorator}'");

    public static Diagnostic HistogramNeedsBuckets(SourceSpan span, string metric) =>
        Error("LM2011", span, $"histogram '{metric}' needs at least 2 buckets", "histogram x buckets 0.1, 1, 10");

    public static Diagnostic BucketsNotIncreasing(SourceSpan span, string metric) =>
        Error("LM2012", span, $"buckets of histogram '{metric}' must be strictly increasing");

    public static Diagnostic BucketsOnNonHistogram(SourceSpan span, string metric) =>
        Error("LM2013", span, $"'buckets' is only allowed on a histogram, and '{metric}' is not one");

    public static Diagnostic ProgLabel(SourceSpan span) =>
        Warning("LM2014", span, "the label 'prog' clashes with the program label; this metric is not exported with --emit-prog-label",
            "rename the key, or run with --emit-prog-label=false");

    public static Diagnostic DivideByZero(SourceSpan span) =>
        Error("LM2015", span, "Can't divide by zero.");

    public static Diagnostic IncrementNonInt(SourceSpan span, string type) =>
        Error("LM2016", span, $"'++' and '--' need an Int or Float metric, not {type}");

    public static Diagnostic AssignToNonVariable(SourceSpan span) =>
        Error("LM2017", span, "can only assign to a metric, e.g. x = 1 or x[$1] += 2");

    public static Diagnostic StrptimeFormatNotLiteral(SourceSpan span) =>
        Error("LM2018", span, "the strptime format must be a string literal");

    public static Diagnostic InvalidTimeLayout(SourceSpan span, string layout, string error) =>
        Error("LM2019", span, $"invalid time layout \"{layout}\": {error}");

    public static Diagnostic UnusedMetric(SourceSpan span, string metric) =>
        Warning("LM2020", span, $"metric '{metric}' is declared but never used");

    public static Diagnostic UnusedConst(SourceSpan span, string name) =>
        Warning("LM2021", span, $"const '{name}' is declared but never used");

    public static Diagnostic UnusedDecorator(SourceSpan span, string decorator) =>
        Warning("LM2022", span, $"decorator '{decorator}' is defined but never used");

    public static Diagnostic OperatorTypeMismatch(SourceSpan span, string op, string left, string right) =>
        Error("LM2023", span, $"operator '{op}' cannot be applied to {left} and {right}");

    public static Diagnostic UnknownFunction(SourceSpan span, string name) =>
        Error("LM2024", span, $"unknown function '{name}'",
            "builtins are " + string.Join(", ", Binding.BuiltinTable.CallableNames));

    public static Diagnostic WrongArgumentCount(SourceSpan span, string function, int expected, int actual) =>
        Error("LM2025", span, $"{function}() takes {expected} argument{(expected == 1 ? "" : "s")}, got {actual}");

    public static Diagnostic ArgumentType(SourceSpan span, string function, int position, string expected, string actual) =>
        Error("LM2026", span, $"argument {position} of {function}() must be {expected}, not {actual}");

    public static Diagnostic NotAPattern(SourceSpan span) =>
        Error("LM2027", span, "expected a pattern: a regex, a const, or a string or number literal",
            "patterns are built at compile time; metrics and captures cannot be used");

    public static Diagnostic InitLabelSetSize(SourceSpan span, string metric, int expected, int actual) =>
        Error("LM2028", span, $"an init label set of '{metric}' needs {expected} value{(expected == 1 ? "" : "s")}, got {actual}");

    public static Diagnostic AssignmentNotStatement(SourceSpan span) =>
        Error("LM2029", span, "an assignment must be a statement of its own");

    public static Diagnostic InvalidCondition(SourceSpan span, string type) =>
        Error("LM2030", span, $"a condition must be a pattern, a comparison or a logical expression, not {type}",
            "compare the value, e.g. x > 0 or $code == \"200\" (mtail: \"Can't interpret ... as a boolean expression\")");

    public static Diagnostic DefinedNeedsCapture(SourceSpan span) =>
        Error("LM2031", span, "defined() takes a capture reference, e.g. defined($size)");

    public static Diagnostic InvalidConversion(SourceSpan span, string from, string to) =>
        Error("LM2032", span, $"cannot convert {from} to {to}");

    public static Diagnostic UnaryTypeMismatch(SourceSpan span, string op, string type) =>
        Error("LM2033", span, $"operator '{op}' cannot be applied to {type}");

    public static Diagnostic NotAValue(SourceSpan span, string name) =>
        Error("LM2034", span, $"'{name}' is not a value here");

    public static Diagnostic MetricTypeMismatch(SourceSpan span, string metric, string metricType, string valueType) =>
        Error("LM2035", span, $"cannot store {valueType} in {metricType} metric '{metric}'");

    public static Diagnostic InvalidLimit(SourceSpan span, string metric) =>
        Error("LM2036", span, $"the limit of '{metric}' must be a positive integer");

    public static Diagnostic MismatchedValue(SourceSpan span, string metric, string metricType, string valueType, SourceSpan fixedAt) =>
        Warning("LM2037", span, $"storing {valueType} in {metricType} metric '{metric}' is a runtime error, as in mtail",
            $"the metric's type was fixed by its first assignment, at {fixedAt}; convert with {(metricType == "Int" ? "int()" : "float()")} or assign {valueType} first");

    public static Diagnostic DynamicPattern(SourceSpan span) =>
        Warning("LM2038", span, "this pattern is built from a string at run time; mtail compiles it to an empty pattern that always matches",
            "LogMetrics matches the string as a regex on each line, so results differ from mtail's");

    public static Diagnostic StringCounter(SourceSpan span, string metric, string value) =>
        Error("LM2050", span, $"counter '{metric}' has no keys and cannot hold a String (mtail rejects this program too)",
            $"store a number: int({value}) or float({value})");

    public static Diagnostic StringMetric(SourceSpan span, string verb, string kind, string metric, string value) =>
        Warning("LM2051", span, $"{verb} a String makes {kind} '{metric}' a String metric, which is exported as 0 (as in mtail)",
            $"store a number: int({value}) or float({value})");

    public static Diagnostic StringParsedAsNumber(SourceSpan span, string verb, string metric, string type, string value) =>
        Warning("LM2052", span, $"{verb} a String to {type} metric '{metric}': it is parsed on every line, and a value that is not a number is a runtime error",
            $"convert it explicitly with int({value}) or float({value}), or capture only digits, e.g. (?P<x>\\d+)");

    public static Diagnostic DecoratorUsedInItsDefinition(SourceSpan span, string decorator) =>
        Error("LM2070", span, $"decorator '@{decorator}' is used inside its own definition",
            "a decorator is complete only after its closing '}'; mtail says \"not completely defined yet\"");

    public static Diagnostic TooManyDecoratorExpansions(SourceSpan span, int limit) =>
        Error("LM2071", span, $"decorators are inlined more than {limit} times in this program",
            "each use copies the decorator's body, so decorators used inside decorators multiply; use fewer levels");

    public static Diagnostic FloatPattern(SourceSpan span, string op) =>
        Error("LM2073", span, $"the right side of '{op}' must be a pattern or a string, not Float",
            "write the number as a regex, e.g. /1\\.5/; mtail rejects a Float here too");

    public static Diagnostic FloatWhereIntExpected(SourceSpan span, string where) =>
        Warning("LM2074", span, $"a Float given to {where}, which takes an Int, is a runtime error on every line, as in mtail",
            "convert it with int()");

    public static Diagnostic TimeLayoutWithoutElements(SourceSpan span, string layout) =>
        Warning("LM2075", span, $"time layout \"{layout}\" has no date or time element, so strptime fails on every value but this text",
            "write the layout with Go's reference time, Mon Jan 2 15:04:05 MST 2006, e.g. \"2006/01/02 15:04:05\"");

    public static Diagnostic ObservationsBelowFirstBucket(SourceSpan span, string metric) =>
        Warning("LM2078", span,
            $"as in mtail, an observation of 0 or less in histogram '{metric}' counts in _count and _sum but in no bucket: the first of `buckets` is the lower edge of the first bucket, and a positive first bound gets a 0 edge",
            "declare Prometheus upper bounds with `le B1, B2, ...` (every value lands in a bucket), or, to stay mtail-compatible, start the buckets below the smallest value, e.g. `buckets -1, 0.005, ...`");

    public static Diagnostic StatementWithoutEffect(SourceSpan span, bool isPattern) =>
        Error("LM2076", span, isPattern ? "a pattern needs a block: this statement has no effect" : "this statement has no effect",
            isPattern ? "write /regex/ { ... }, or join it to the next line's pattern with +"
                : "a statement is an assignment, x++ or x--, or a call such as strptime(...)");

    public static Diagnostic CaptureGroupsRedeclared(SourceSpan span, SourceSpan previous) =>
        Error("LM2077", span, $"this pattern's capture groups ($0, $1, ...) are already declared here by the pattern at {previous}",
            "match the second pattern in a nested block: /first/ { $x =~ /second/ { ... } }, as mtail requires");

    public static Diagnostic ProgramTooDeep(SourceSpan span, int limit) =>
        Error("LM2072", span, $"blocks and expressions nest more than {limit} levels deep (decorator bodies counted where they are used)",
            "mtail itself rejects programs nested more than 100 levels deep");

    // Structured fields (json, logfmt).
    public static Diagnostic FieldOfRegexCapture(SourceSpan span, string name) =>
        Error("LM2060", span, $"'{name}' is a regex capture, which has no fields",
            "a path like $request.method reads a field of a json or logfmt pattern; a field whose name a regex also captures is written $[\"request\"].method");

    public static Diagnostic LogfmtFieldIndex(SourceSpan span) =>
        Error("LM2061", span, "logfmt fields are flat: a field has no array index",
            "a dotted key is written as it appears in the line: $http.method or $[\"http.method\"]");

    public static Diagnostic FieldOutsideStructured(SourceSpan span) =>
        Error("LM2063", span, "a field path needs a json or logfmt pattern around it",
            "e.g. json { c[$request.method]++ }, or $payload =~ json { ... } for JSON inside a capture");

    public static Diagnostic FieldIndexTooLarge(SourceSpan span, long index) =>
        Error("LM2062", span, $"array index {index} is too large");

    public static Diagnostic SummaryClauseOnNonSummary(SourceSpan span, string clause, string metric) =>
        Error("LM2039", span, $"'{clause}' is only allowed on a summary, and '{metric}' is not one");

    public static Diagnostic InvalidQuantiles(SourceSpan span, string metric) =>
        Error("LM2040", span, $"the quantiles of summary '{metric}' must be increasing and between 0 and 1", "summary x quantiles 0.5, 0.9, 0.99");

    public static Diagnostic InvalidQuantileErrors(SourceSpan span, string metric, int quantiles) =>
        Error("LM2041", span, $"summary '{metric}' needs one error per quantile ({quantiles}), each above 0 and below 1",
            "errors 0.05, 0.01, 0.001: the returned value's rank is within error·n of quantile·n");

    public static Diagnostic InvalidMaxAge(SourceSpan span, string metric) =>
        Error("LM2042", span, $"the max_age of summary '{metric}' must be at least 1s");

    public static Diagnostic GsubPatternNotLiteral(SourceSpan span) =>
        Error("LM2043", span, "the gsub pattern must be a regex or string literal, or a const", "gsub($path, /[0-9]+/, \":id\")");

    public static Diagnostic WildcardNotAllowed(SourceSpan span) =>
        Error("LM2044", span, "'*' (any value) is only allowed as a key of del without 'after'", "del sessions[$user][*]");

    // Patterns: the message comes from the pattern translator (LM3xxx).
    public static Diagnostic Pattern(SourceSpan span, PatternError error) =>
        new(error.Code, DiagnosticSeverity.Error, span, error.Message, error.Hint);
}
