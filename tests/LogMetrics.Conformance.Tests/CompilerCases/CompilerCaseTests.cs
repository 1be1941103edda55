using LogMetrics.Conformance.Tests.Support;
using LogMetrics.Language;

namespace LogMetrics.Conformance.Tests.CompilerCases;

/// <summary>
/// mtail's own compiler test tables and fuzz seeds (programs/, see README.md) as a peer suite: LogMetrics' compiler must
/// accept what mtail 3.0.0~rc50 accepts and refuse what it refuses (verdicts.tsv, recorded by record-verdicts.sh),
/// except for the deliberate deviations below, and no case may crash the process.
/// </summary>
public sealed class CompilerCaseTests
{
    /// <summary>Where LogMetrics' verdict is deliberately not mtail's, and why (README.md, "Deviations").</summary>
    private static readonly Dictionary<string, string> Deviations = new(StringComparer.Ordinal)
    {
        // An unused metric, const or decorator is a warning in LogMetrics (README: "Where LogMetrics differs"), an error in mtail.
        ["checker-invalid-015-unused-symbols.mtail"] = UnusedDeclaration,
        ["checker-invalid-017-def-without-usage.mtail"] = UnusedDeclaration,
        ["parser-003-declare-counter.mtail"] = UnusedDeclaration,
        ["parser-004-declare-counter-string-name.mtail"] = UnusedDeclaration,
        ["parser-005-declare-dimensioned-counter.mtail"] = UnusedDeclaration,
        ["parser-006-declare-dimensioned-metric-with-limit.mtail"] = UnusedDeclaration,
        ["parser-007-declare-multi-dimensioned-counter.mtail"] = UnusedDeclaration,
        ["parser-008-declare-hidden-counter.mtail"] = UnusedDeclaration,
        ["parser-009-declare-gauge.mtail"] = UnusedDeclaration,
        ["parser-010-declare-timer.mtail"] = UnusedDeclaration,
        ["parser-011-declare-text.mtail"] = UnusedDeclaration,
        ["parser-012-declare-histogram.mtail"] = UnusedDeclaration,
        ["parser-013-declare-histogram-float.mtail"] = UnusedDeclaration,
        ["parser-014-declare-histogram-by.mtail"] = UnusedDeclaration,
        ["parser-015-declare-histogram-reversed-syntax.mtail"] = UnusedDeclaration,
        ["parser-035-multiline-regex-starting-with-newline.mtail"] = UnusedDeclaration,
        ["parser-038-def-and-next.mtail"] = UnusedDeclaration,
        ["parser-039-const.mtail"] = UnusedDeclaration,
        ["parser-position-002-variable.mtail"] = UnusedDeclaration,
        ["parser-position-003-pattern.mtail"] = UnusedDeclaration,
        ["parser-position-004-multiline-regex.mtail"] = UnusedDeclaration,

        // rc50 fails with "Internal compiler error, aborting compilation" on this valid program (mtail's own tables list
        // it as valid): its type inference leaves `a = a * b` without a type ("invalid type for get typeVar"); LogMetrics types them Int.
        ["parser-030-multiplicative.mtail"] = MtailInternalError,

        // rc50 declares the capture groups of subst()'s regex, so a second subst(/re/...) in one block "redeclares $0";
        // mtail fixed this after rc50 (its checker test "regexp subst twice" is a valid program).
        ["checker-valid-033-regexp-subst-twice.mtail"] = "rc50 bug fixed upstream: subst() patterns declare no capture groups",

        // mtail's lexer reads U+2424 (SYMBOL FOR NEWLINE) as the end of the program, a fuzzing aid; LogMetrics reports it.
        ["fuzz-runtime-284.mtail"] = "U+2424 ends the program in mtail's lexer; LogMetrics reports an unexpected character",
    };

    private const string UnusedDeclaration = "an unused declaration is a warning in LogMetrics, an error in mtail";
    private const string MtailInternalError = "mtail rc50 fails with an internal compiler error on this valid program";

    private static readonly Lazy<IReadOnlyDictionary<string, Verdict>> Recorded = new(ReadVerdicts);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Recorded.Value.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LogMetrics_gives_mtails_verdict(string file)
    {
        var recorded = Recorded.Value[file];
        var compilation = Compile(file);

        if (Deviations.TryGetValue(file, out var why))
        {
            Assert.True(compilation.Success != recorded.Accepted,
                $"{file} is listed as a deviation ({why}), but LogMetrics now agrees with mtail ({Describe(recorded.Accepted)}): remove it from the list and README.md");
            return;
        }

        Assert.True(compilation.Success == recorded.Accepted,
            $"{file}: mtail rc50 {Describe(recorded.Accepted)}s it{(recorded.Accepted ? "" : $" ({recorded.Message})")}, LogMetrics {Describe(compilation.Success)}s it:\n"
            + string.Join("\n", compilation.Diagnostics));
    }

    [RequiresMtailTheory]
    [MemberData(nameof(Cases))]
    public async Task Recorded_verdict_is_the_installed_mtails(string file)
    {
        var result = await Mtail.CompileOnlyAsync(Path.Combine(RepositoryPaths.CompilerCases, "programs", file));

        Assert.True((result.ExitCode == 0) == Recorded.Value[file].Accepted,
            $"verdicts.tsv is stale for {file} (run record-verdicts.sh):\n{result}");
    }

    [Fact]
    public void Every_program_has_a_verdict_and_every_deviation_a_program()
    {
        var programs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.CompilerCases, "programs"), "*.mtail").Select(Path.GetFileName).ToHashSet();

        Assert.Equal(programs.Order(StringComparer.Ordinal), Recorded.Value.Keys.Order(StringComparer.Ordinal));
        Assert.All(Deviations.Keys, key => Assert.Contains(key, programs));
        // mtail's tables and seeds as extracted at google/mtail 4c7e0e11: 63 + 14 + 4 parser, 37 + 33 checker, 51 codegen, 17 fuzz.
        Assert.Equal(219, programs.Count);
    }

    [Fact]
    public async Task No_case_crashes_logmetrics_check()
    {
        // One process checks them all: a stack overflow (exit 134) in any case would end it.
        var programs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.CompilerCases, "programs"), "*.mtail").Order(StringComparer.Ordinal).ToList();

        var result = await LogMetricsTool.CheckAsync(programs);

        Assert.True(result.ExitCode == 1, $"expected exit 1 (some cases are invalid), not a crash:\n{result}");
        Assert.DoesNotContain("Unhandled", result.Stderr, StringComparison.Ordinal);
        foreach (var (file, verdict) in Recorded.Value.Where(v => !v.Value.Accepted && !Deviations.ContainsKey(v.Key)))
        {
            Assert.Contains($"{file}:", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_accepted_case_runs_in_one_shot()
    {
        // The accepted programs, loaded together, run over a few lines: codegen and execution must not crash either.
        var directory = Directory.CreateTempSubdirectory("logmetrics-compiler-cases-");
        try
        {
            foreach (var file in Recorded.Value.Keys.Where(file => Compile(file).Success))
            {
                File.Copy(Path.Combine(RepositoryPaths.CompilerCases, "programs", file), Path.Combine(directory.FullName, file));
            }

            var log = Path.Combine(directory.FullName, "lines.log");
            await File.WriteAllTextAsync(log, "foo 12 bar\n1.5 x\n\"a\"\n\n2020/01/02 03:04:05 x\n");

            var result = await LogMetricsTool.RunOneShotAsync(directory.FullName, [log], RunSettings.Default);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("lines_total", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Compilation Compile(string file)
    {
        var path = Path.Combine(RepositoryPaths.CompilerCases, "programs", file);
        return Compiler.Compile(file, File.ReadAllText(path), new CompilerOptions());
    }

    private static string Describe(bool accepted) => accepted ? "accept" : "reject";

    private static IReadOnlyDictionary<string, Verdict> ReadVerdicts()
    {
        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.CompilerCases, "verdicts.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            verdicts[fields[0]] = new Verdict(fields[1] == "accept", fields.Length > 2 ? fields[2] : "");
        }

        return verdicts;
    }

    private sealed record Verdict(bool Accepted, string Message);
}
