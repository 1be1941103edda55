using System.Globalization;
using System.Text;
using LogMetrics.Language;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Patterns;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Cli.Import;

/// <summary>
/// Translates a grok_exporter config into programs of the language, one per metric (so that, as in grok_exporter,
/// a line that fails for one metric still counts for the others), and checks them by compiling: an error in a
/// generated program (a template field the match does not capture, a regex RE2 rejects) is reported at the YAML
/// line it came from. The runtime never sees YAML.
/// </summary>
internal static partial class GrokExporterImporter
{
    /// <summary>client_golang's DefBuckets, grok_exporter's default histogram buckets.</summary>
    public static readonly double[] DefaultBuckets = [.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10];

    public static ImportResult Import(string configPath, GrokLibrary baseLibrary)
    {
        string text;
        try
        {
            text = File.ReadAllText(configPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportResult { Messages = [new ImportMessage(ImportSeverity.Error, 0, 0, "cannot read the config: " + e.Message)] };
        }

        return Import(text, Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? ".", baseLibrary);
    }

    public static ImportResult Import(string text, string configDirectory, GrokLibrary baseLibrary)
    {
        var messages = new List<ImportMessage>();
        var config = GrokExporterConfigReader.Read(text, messages, configDirectory);
        if (config is null)
        {
            return new ImportResult { Messages = messages };
        }

        var sources = config.GrokPatternSources.Select(s => Path.IsPathRooted(s) ? s : Path.Combine(configDirectory, s)).ToList();
        var patterns = string.Join("\n", config.GrokPatterns);
        var library = BuildLibrary(baseLibrary, sources, patterns, messages, config);

        // grok_exporter's .extra is the webhook's JSON object; the programs read it from the record the webhook hands
        // over with --webhook-extra: {"line": the selected text, "extra": the object}.
        var extra = config.InputType == "webhook" && config.WebhookFormat.StartsWith("json_", StringComparison.Ordinal) && config.Metrics.Any(UsesExtra);
        var programs = new List<ImportedProgram>();
        foreach (var metric in config.Metrics)
        {
            var first = messages.Count;
            var program = Translate(metric, extra, messages);
            if (program is not null)
            {
                if (library is not null)
                {
                    Check(program, library, messages);
                    if (extra)
                    {
                        CheckFields(metric, program, library, messages);
                    }
                }

                programs.Add(program);
            }

            // Positions of an imported metric are in its file.
            for (var i = first; i < messages.Count; i++)
            {
                messages[i] = messages[i] with { File = messages[i].File ?? metric.File };
            }
        }

        if (extra && config.WebhookFormat == "json_bulk")
        {
            messages.Add(new ImportMessage(ImportSeverity.Warning, config.InputAt.Line, config.InputAt.Column,
                "with json_bulk, grok_exporter's .extra is {\"x\": the array element} (its webhook wraps each element so), so {{index .extra \"user\"}} is <no value> and {{index .extra \"x\" \"user\"}} reads the field; LogMetrics gives the same"));
        }

        if (config.Metrics.Count == 0)
        {
            messages.Add(new ImportMessage(ImportSeverity.Warning, 1, 1, "the config defines no metrics"));
        }

        var logs = config.InputType switch
        {
            "file" => config.InputPaths,
            "stdin" => ["-"],
            _ => [],
        };
        if (config.InputType == "webhook")
        {
            messages.Add(new ImportMessage(ImportSeverity.Note, config.InputAt.Line, config.InputAt.Column,
                $"webhook input: run with --webhook {config.WebhookPath} --webhook-format {config.WebhookFormat} --webhook-json-selector '{config.WebhookJsonSelector}'{(extra ? " --webhook-extra" : "")} (`run --config` does this itself); it is behind the same TLS and basic auth as /metrics"));
        }

        if (config.InputType == "file" && !config.Readall)
        {
            messages.Add(new ImportMessage(ImportSeverity.Note, config.InputAt.Line, config.InputAt.Column,
                "readall is false: like grok_exporter, `run --config` starts at the end of existing files; --from-start reads them whole (--state-dir keeps offsets across restarts)"));
        }

        var host = config.ServerHost.Length == 0 ? "0.0.0.0" : config.ServerHost.Trim('[', ']');
        return new ImportResult
        {
            Config = config,
            Library = library,
            Programs = programs,
            GrokPatterns = patterns,
            GrokPatternSources = sources,
            Logs = logs,
            ReadAll = config.Readall,
            WebhookExtra = extra,
            Listen = (host.Contains(':') ? "[" + host + "]" : host) + ":" + config.ServerPort.ToString(CultureInfo.InvariantCulture),
            Messages = messages.OrderBy(m => m.File ?? "", StringComparer.Ordinal).ThenBy(m => m.Line).ThenBy(m => m.Column).ToList(),
        };
    }

    /// <summary>The grok library the programs need: the base, the imported pattern files and the inline patterns.</summary>
    public static GrokLibrary? BuildLibrary(GrokLibrary baseLibrary, IReadOnlyList<string> sources, string inlinePatterns, List<ImportMessage> messages, GrokExporterConfig? config)
    {
        var library = baseLibrary;
        foreach (var source in sources)
        {
            IReadOnlyList<string> errors;
            if (Directory.Exists(source))
            {
                library = library.WithPatternsFrom(source, out errors);
            }
            else if (File.Exists(source))
            {
                library = library.WithPatterns(File.ReadAllText(source), source, out errors);
            }
            else
            {
                errors = [$"grok patterns '{source}' not found"];
            }

            foreach (var error in errors)
            {
                messages.Add(new ImportMessage(ImportSeverity.Error, 0, 0, error));
            }
        }

        if (inlinePatterns.Length > 0)
        {
            library = library.WithPatterns(inlinePatterns, "grok_patterns", out var errors);
            foreach (var error in errors)
            {
                messages.Add(new ImportMessage(ImportSeverity.Error, 0, 0, error));
            }
        }

        return messages.Any(m => m.Severity == ImportSeverity.Error && m.Line == 0) ? null : library;
    }

    /// <summary>At most this many combinations of template branches are written out as if/else statements.</summary>
    public const int MaxBranches = 64;

    private static ImportedProgram? Translate(MetricConfig metric, bool extra, List<ImportMessage> messages)
    {
        var writer = new ProgramWriter();
        var ok = true;
        var name = IsIdentifier(metric.Name) ? metric.Name : "metric";
        var trees = new List<TemplateTree>();
        var fieldOrigins = new Dictionary<string, YamlPosition>(StringComparer.Ordinal);
        foreach (var label in metric.Labels)
        {
            var translated = TranslateTemplate(label.Template, label.At, $"label '{label.Name}'", extra, messages, label.File);
            ok &= translated is not null;
            foreach (var field in translated?.Fields ?? new HashSet<string>())
            {
                fieldOrigins.TryAdd(field, label.At);
            }

            trees.Add(translated?.Tree ?? new TemplateLeaf("\"\"", TemplateType.String));
        }

        var hasValue = false;
        if (metric.Value is { } valueTemplate && !(metric.Type == "counter" && valueTemplate.Trim() is "1" or "1.0"))
        {
            var translated = TranslateTemplate(valueTemplate, metric.ValueAt, "value", extra, messages);
            ok &= translated is not null;
            foreach (var field in translated?.Fields ?? new HashSet<string>())
            {
                fieldOrigins.TryAdd(field, metric.ValueAt);
            }

            trees.Add(translated?.Tree ?? new TemplateLeaf("0.0", TemplateType.Float));
            hasValue = true;
        }

        var combinations = trees.Aggregate(1L, (product, tree) => Math.Min(product * tree.Leaves, long.MaxValue / 1024));
        if (combinations > MaxBranches)
        {
            messages.Add(new ImportMessage(ImportSeverity.Error, metric.At.Line, metric.At.Column,
                $"metric '{metric.Name}': the templates' conditions give {combinations} combinations; the translation writes each as a statement, at most {MaxBranches}: simplify the {{{{if}}}}s"));
            ok = false;
        }

        var match = RegexLiteral(metric.Match, metric.MatchAt, messages);
        var deleteMatch = metric.DeleteMatch is { } d ? RegexLiteral(d, metric.DeleteMatchAt, messages) : null;
        ok &= match is not null && (metric.DeleteMatch is null || deleteMatch is not null);
        if (!ok)
        {
            return null;
        }

        writer.Line(metric.At, $"# From grok_exporter metric '{metric.Name}' ({(metric.File is null ? "" : Path.GetFileName(metric.File) + ", ")}line {metric.At.Line}).");
        writer.Line(metric.At, Declaration(metric, name));
        var indent = "";
        var closers = 0;
        if (metric.Paths.Count > 0)
        {
            var regexes = string.Join("|", metric.Paths.Select(GlobRegex));
            writer.Line(metric.At, $"getfilename() =~ /^(?:{regexes})$/ {{");
            indent += "  ";
            closers++;
        }

        if (extra)
        {
            // The webhook hands over {"line": the selected text, "extra": grok_exporter's .extra} (--webhook-extra).
            writer.Line(metric.At, indent + "json {");
            indent += "  ";
            closers++;
        }

        var subject = extra ? "$[\"line\"] =~ " : "";
        writer.Line(metric.MatchAt, $"{indent}{subject}{match} {{");
        var origin = hasValue ? metric.ValueAt : metric.Labels.Count > 0 ? metric.Labels[0].At : metric.MatchAt;
        // grok_exporter rejects a negative counter value ("Negative value with metric counter"): the line is skipped
        // for this metric and counted as an error. fail() is such a runtime error here, and it ends the program for the
        // line before the counter is touched.
        string[] Reject(string value) => [$"{value} < 0.0 {{", $"  fail({GoTemplateTranslator.Quote(NegativeCounterValue)})", "}"];
        var checkedOnce = metric.Type == "counter" && hasValue && trees[^1] is TemplateLeaf;
        if (checkedOnce)
        {
            foreach (var line in Reject(GoTemplateTranslator.AsFloat((TemplateLeaf)trees[^1])))
            {
                writer.Line(origin, indent + "  " + line);
            }
        }

        WriteBranches(writer, trees, 0, [], indent + "  ", origin, leaves =>
        {
            var target = name + string.Concat(leaves.Take(metric.Labels.Count).Select(l => "[" + GoTemplateTranslator.AsString(l) + "]"));
            var value = hasValue ? GoTemplateTranslator.AsFloat(leaves[^1]) : null;
            return metric.Type switch
            {
                "counter" when value is null => [$"{target}++"],
                "counter" when checkedOnce => [$"{target} += {value}"],
                "counter" => [.. Reject(value), $"{target} += {value}"],
                "gauge" => [$"{target} {(metric.Cumulative ? "+=" : "=")} {value}"],
                _ => [$"{target} = {value}"],
            };
        });
        writer.Line(metric.MatchAt, $"{indent}}}");
        if (deleteMatch is not null)
        {
            var deleteTrees = new List<TemplateTree>();
            foreach (var label in metric.Labels)
            {
                var delete = metric.DeleteLabels.FirstOrDefault(l => l.Name == label.Name);
                var translated = delete is null ? null : TranslateTemplate(delete.Template, delete.At, $"delete label '{delete.Name}'", extra, messages);
                deleteTrees.Add(translated?.Tree ?? new TemplateLeaf("*", TemplateType.String));
            }

            writer.Line(metric.DeleteMatchAt, $"{indent}{subject}{deleteMatch} {{");
            WriteBranches(writer, deleteTrees, 0, [], indent + "  ", metric.DeleteLabels.Count > 0 ? metric.DeleteLabels[0].At : metric.DeleteMatchAt,
                leaves => [$"del {name}{string.Concat(leaves.Select(k => "[" + (k.Expression == "*" ? "*" : GoTemplateTranslator.AsString(k)) + "]"))}"]);
            writer.Line(metric.DeleteMatchAt, $"{indent}}}");
        }

        for (var i = closers; i > 0; i--)
        {
            writer.Line(metric.At, new string(' ', 2 * (i - 1)) + "}");
        }

        return new ImportedProgram(FileNameOf(metric.Name), writer.Text, writer.Origins, metric.Name) { FieldOrigins = fieldOrigins };
    }

    /// <summary>The runtime error of a negative counter value, as grok_exporter words it.</summary>
    public const string NegativeCounterValue = "Negative value with metric counter";

    // Writes the statement for every combination of the trees' leaves, each inside the if/else of its branches.
    private static void WriteBranches(ProgramWriter writer, List<TemplateTree> trees, int i, List<TemplateLeaf> chosen, string indent, YamlPosition origin, Func<List<TemplateLeaf>, string[]> statement)
    {
        if (i == trees.Count)
        {
            foreach (var line in statement(chosen))
            {
                writer.Line(origin, indent + line);
            }

            return;
        }

        switch (trees[i])
        {
            case TemplateLeaf leaf:
                WriteBranches(writer, trees, i + 1, [.. chosen, leaf], indent, origin, statement);
                break;
            case TemplateBranch branch:
                writer.Line(origin, $"{indent}{branch.Condition} {{");
                WriteBranches(writer, [.. trees[..i], branch.Then, .. trees[(i + 1)..]], i, chosen, indent + "  ", origin, statement);
                writer.Line(origin, $"{indent}}} else {{");
                WriteBranches(writer, [.. trees[..i], branch.Else, .. trees[(i + 1)..]], i, chosen, indent + "  ", origin, statement);
                writer.Line(origin, $"{indent}}}");
                break;
        }
    }

    private static string Declaration(MetricConfig metric, string name)
    {
        var builder = new StringBuilder();
        builder.Append(metric.Type).Append(' ').Append(name);
        if (name != metric.Name)
        {
            builder.Append(" as ").Append(GoTemplateTranslator.Quote(metric.Name));
        }

        if (metric.Labels.Count > 0)
        {
            builder.Append(" by ").AppendJoin(", ", metric.Labels.Select(l => IsIdentifier(l.Name) ? l.Name : GoTemplateTranslator.Quote(l.Name)));
        }

        switch (metric.Type)
        {
            case "histogram":
                builder.Append(" le ").AppendJoin(", ", (metric.Buckets is { Count: > 0 } b ? b : DefaultBuckets).Select(Number));
                break;
            case "summary":
                var quantiles = metric.Quantiles is { Count: > 0 } q ? q : [(0.5, 0.05), (0.9, 0.01), (0.99, 0.001)];
                builder.Append(" quantiles ").AppendJoin(", ", quantiles.Select(p => Number(p.Quantile)));
                builder.Append(" errors ").AppendJoin(", ", quantiles.Select(p => Number(p.Error)));
                builder.Append(" max_age ").Append(GoDuration.Format(metric.MaxAge ?? TimeSpan.FromMinutes(10)));
                break;
        }

        if (metric.Retention is { } retention && retention > TimeSpan.Zero)
        {
            builder.Append(" retention ").Append(GoDuration.Format(retention));
        }

        builder.Append(" help ").Append(GoTemplateTranslator.Quote(metric.Help.Replace('\n', ' ').TrimEnd()));
        return builder.ToString();
    }

    private static GoTemplateTranslator.Result? TranslateTemplate(string template, YamlPosition at, string what, bool extra, List<ImportMessage> messages, string? file = null)
    {
        var first = messages.Count;
        var result = TranslateTemplate(template, at, what, extra, messages);
        for (var i = first; i < messages.Count; i++)
        {
            messages[i] = messages[i] with { File = file };
        }

        return result;
    }

    private static GoTemplateTranslator.Result? TranslateTemplate(string template, YamlPosition at, string what, bool extra, List<ImportMessage> messages)
    {
        var result = GoTemplateTranslator.Translate(template, extra);
        foreach (var error in result.Errors)
        {
            var position = at.Inside(template, error.Offset);
            messages.Add(new ImportMessage(ImportSeverity.Error, position.Line, position.Column, $"{what}: {error.Message}"));
        }

        if (result.Tree is not null && Leaves(result.Tree).Any(l => l.Expression.Contains('\n')))
        {
            messages.Add(new ImportMessage(ImportSeverity.Error, at.Line, at.Column, $"{what}: a template with a line break has no translation"));
            return null;
        }

        return result.Tree is null ? null : result;
    }

    private static IEnumerable<TemplateLeaf> Leaves(TemplateTree tree) => tree switch
    {
        TemplateLeaf leaf => [leaf],
        TemplateBranch branch => Leaves(branch.Then).Concat(Leaves(branch.Else)),
        _ => [],
    };

    // The match as a regex literal: `/` is escaped, and a line break (a YAML block scalar) cannot be in one.
    private static string? RegexLiteral(string pattern, YamlPosition at, List<ImportMessage> messages)
    {
        if (pattern.Contains('\n'))
        {
            messages.Add(new ImportMessage(ImportSeverity.Error, at.Line, at.Column, "a match with a line break has no translation: write it on one line"));
            return null;
        }

        var builder = new StringBuilder("/");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
            }
            else if (c == '/')
            {
                builder.Append("\\/");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('/').ToString();
    }

    /// <summary>grok_exporter's file-name globs (`*`, `?`, `[...]`) as a regex over the whole path.</summary>
    internal static string GlobRegex(string glob)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*':
                    builder.Append("[^\\/]*");
                    break;
                case '?':
                    builder.Append("[^\\/]");
                    break;
                case '[':
                    var end = glob.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        builder.Append("\\[");
                        break;
                    }

                    var set = glob[(i + 1)..end];
                    builder.Append('[').Append(set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
                    i = end;
                    break;
                case '/':
                    builder.Append("\\/");
                    break;
                default:
                    if ("\\.+()|{}^$".Contains(c))
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void Check(ImportedProgram program, GrokLibrary library, List<ImportMessage> messages)
    {
        var compilation = Compiler.Compile(program.FileName, program.Text, new CompilerOptions { Grok = library });
        foreach (var diagnostic in compilation.Diagnostics)
        {
            var line = diagnostic.Span.Line;
            var origin = line >= 1 && line <= program.LineOrigins.Count ? program.LineOrigins[line - 1] : default;
            var unknownField = diagnostic.Code == "LM2003" && diagnostic.Message.StartsWith("unknown capture '", StringComparison.Ordinal)
                ? diagnostic.Message["unknown capture '".Length..^1]
                : null;
            if (unknownField is not null && program.FieldOrigins.TryGetValue(unknownField, out var fieldOrigin))
            {
                origin = fieldOrigin;
            }

            var text = unknownField is not null
                ? $"metric '{program.Metric}': the template references field '{unknownField}', which the match does not capture"
                    + (diagnostic.Hint is { } hint ? $" ({hint})" : "")
                : $"metric '{program.Metric}': {diagnostic.Code}: {diagnostic.Message}" + (diagnostic.Hint is { } h ? $" ({h})" : "");
            messages.Add(new ImportMessage(diagnostic.IsError ? ImportSeverity.Error : ImportSeverity.Warning, origin.Line, origin.Column, text));
        }
    }

    private static bool UsesExtra(MetricConfig metric) =>
        metric.Labels.Concat(metric.DeleteLabels).Select(l => l.Template).Append(metric.Value ?? "").Any(t => ExtraReference().IsMatch(t));

    [System.Text.RegularExpressions.GeneratedRegex(@"\.extra\b")]
    private static partial System.Text.RegularExpressions.Regex ExtraReference();

    // Inside a json block a name the match does not capture is a field of the record, not an error; so the fields
    // the templates read are checked against the match alone, as they are without --webhook-extra.
    private static void CheckFields(MetricConfig metric, ImportedProgram program, GrokLibrary library, List<ImportMessage> messages)
    {
        if (program.FieldOrigins.Count == 0 || RegexLiteral(metric.Match, metric.MatchAt, []) is not { } match)
        {
            return;
        }

        var probe = new StringBuilder("text probe\n").Append(match).Append(" {\n");
        foreach (var field in program.FieldOrigins.Keys)
        {
            probe.Append("  probe = string($").Append(field).Append(")\n");
        }

        probe.Append("}\n");
        var compilation = Compiler.Compile(program.FileName, probe.ToString(), new CompilerOptions { Grok = library });
        foreach (var diagnostic in compilation.Diagnostics.Where(d => d.Code == "LM2003" && d.Message.StartsWith("unknown capture '", StringComparison.Ordinal)))
        {
            var field = diagnostic.Message["unknown capture '".Length..^1];
            var origin = program.FieldOrigins.TryGetValue(field, out var at) ? at : metric.MatchAt;
            messages.Add(new ImportMessage(ImportSeverity.Error, origin.Line, origin.Column,
                $"metric '{program.Metric}': the template references field '{field}', which the match does not capture (webhook JSON fields are {{{{index .extra \"{field}\"}}}})"));
        }
    }

    private static string FileNameOf(string metric)
    {
        var safe = new string(metric.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
        return (safe.Length == 0 ? "metric" : safe) + ".rules";
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && SyntaxFacts.IsIdentifier(name);

    private static string Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E') ? value.ToString("0.0###############", CultureInfo.InvariantCulture) : text;
    }

    private sealed class ProgramWriter
    {
        private readonly StringBuilder _text = new();
        private readonly List<YamlPosition> _origins = [];

        public string Text => _text.ToString();

        public IReadOnlyList<YamlPosition> Origins => _origins;

        public void Line(YamlPosition origin, string line)
        {
            _text.Append(line).Append('\n');
            _origins.Add(origin);
        }
    }
}
