using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LogMetrics.Cli.Import;

/// <summary>
/// Reads a grok_exporter config (versions 2 and 3) strictly: an unknown key is an error at its line and column
/// (grok_exporter ignores them silently), and so is a value of the wrong kind or an option on the wrong metric type.
/// Never throws on user input; everything found goes to the messages.
/// </summary>
internal sealed class GrokExporterConfigReader
{
    private static readonly string[] MetricTypes = ["counter", "gauge", "histogram", "summary"];

    private readonly List<ImportMessage> _messages;
    private readonly string _configDirectory;
    private readonly string? _file;
    private readonly MetricDefaults? _defaults;

    private GrokExporterConfigReader(List<ImportMessage> messages, string configDirectory, string? file = null, MetricDefaults? defaults = null)
    {
        _messages = messages;
        _configDirectory = configDirectory;
        _file = file;
        _defaults = defaults;
    }

    /// <summary>Reads the text; null when it is not a config at all (a YAML syntax error, no mapping at the top).
    /// Relative paths of metrics imports are taken from <paramref name="configDirectory"/>.</summary>
    public static GrokExporterConfig? Read(string text, List<ImportMessage> messages, string configDirectory = ".")
    {
        var reader = new GrokExporterConfigReader(messages, configDirectory);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            messages.Add(new ImportMessage(ImportSeverity.Error, (int)e.Start.Line, (int)e.Start.Column, "invalid YAML: " + e.Message));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            messages.Add(new ImportMessage(ImportSeverity.Error, 1, 1, "the config must be a YAML mapping with global, input, metrics, ..."));
            return null;
        }

        return reader.ReadRoot(root);
    }

    /// <summary>Reads a file of metrics (a v3 `imports` entry of type metrics): a YAML list of metric entries, each
    /// completed by the import's defaults; positions in messages and metrics name the file.</summary>
    public static IReadOnlyList<MetricConfig> ReadMetricList(string text, string file, MetricDefaults? defaults, List<ImportMessage> messages)
    {
        var reader = new GrokExporterConfigReader(messages, Path.GetDirectoryName(file) ?? ".", file, defaults);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            messages.Add(new ImportMessage(ImportSeverity.Error, (int)e.Start.Line, (int)e.Start.Column, "invalid YAML: " + e.Message) { File = file });
            return [];
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            messages.Add(new ImportMessage(ImportSeverity.Warning, 1, 1, "the file defines no metrics") { File = file });
            return [];
        }

        return reader.ReadMetrics(stream.Documents[0].RootNode, 3);
    }

    private GrokExporterConfig? ReadRoot(YamlMappingNode root)
    {
        var version = 2;
        if (Find(root, "global") is YamlMappingNode global && Find(global, "config_version") is { } versionNode)
        {
            version = Int(versionNode) ?? 2;
            if (version is not (2 or 3))
            {
                Error(versionNode, $"config_version {version} is not supported: LogMetrics imports versions 2 and 3");
                return null;
            }
        }
        else
        {
            Warning(root, "global.config_version is missing; read as version 2, as grok_exporter does");
        }

        var config = new GrokExporterConfig { Version = version };
        string[] sections = version == 3
            ? ["global", "input", "imports", "grok_patterns", "metrics", "server"]
            : ["global", "input", "grok", "metrics", "server"];
        CheckKeys(root, sections, "top level");
        var patterns = new List<string>();
        var patternSources = new List<string>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "global":
                    ReadGlobal(value);
                    break;
                case "input":
                    config = ReadInput(value, config);
                    break;
                case "grok":
                    if (Mapping(value, ["patterns_dir", "additional_patterns"], "grok") is { } grok)
                    {
                        if (Find(grok, "patterns_dir") is { } dir && Text(dir) is { } dirText)
                        {
                            patternSources.Add(dirText);
                        }

                        if (Find(grok, "additional_patterns") is { } extra)
                        {
                            patterns.AddRange(Strings(extra));
                        }
                    }

                    break;
                case "grok_patterns":
                    patterns.AddRange(Strings(value));
                    break;
                case "imports":
                    ReadImports(value, patternSources, out var imported);
                    config = config with { Metrics = [.. config.Metrics, .. imported] };
                    break;
                case "metrics":
                    config = config with { Metrics = [.. ReadMetrics(value, version), .. config.Metrics] };
                    break;
                case "server":
                    config = ReadServer(value, config, version);
                    break;
            }
        }

        CheckUniqueNames(config.Metrics);
        return config with { GrokPatterns = patterns, GrokPatternSources = patternSources };
    }

    private void ReadGlobal(YamlNode node)
    {
        if (Mapping(node, ["config_version", "retention_check_interval"], "global") is not { } global)
        {
            return;
        }

        if (Find(global, "retention_check_interval") is { } interval)
        {
            Duration(interval);
            Note(interval, "retention_check_interval is not needed: LogMetrics checks retention about once a second");
        }
    }

    private GrokExporterConfig ReadInput(YamlNode node, GrokExporterConfig config)
    {
        string[] keys =
        [
            "type", "path", "paths", "fail_on_missing_logfile", "readall", "poll_interval", "poll_interval_seconds", "max_lines_in_buffer",
            "webhook_path", "webhook_format", "webhook_json_selector", "webhook_text_bulk_separator",
            "kafka_version", "kafka_brokers", "kafka_topics", "kafka_partition_assignor", "kafka_consumer_group_name", "kafka_consume_from_oldest",
        ];
        if (Mapping(node, keys, "input") is not { } input)
        {
            return config;
        }

        var type = Find(input, "type") is { } typeNode ? Text(typeNode) ?? "stdin" : "stdin";
        config = config with { InputType = type, InputAt = YamlPosition.Of(input) };
        if (type is not ("file" or "stdin" or "webhook"))
        {
            Error(Find(input, "type") ?? input, type == "kafka"
                ? "input type kafka is not supported by LogMetrics"
                : $"unknown input type '{type}': use file, stdin or webhook");
        }

        var paths = new List<string>();
        if (Find(input, "path") is { } path && Text(path) is { } pathText)
        {
            paths.Add(pathText);
        }

        if (Find(input, "paths") is { } list)
        {
            paths.AddRange(Strings(list));
        }

        if (type == "file" && paths.Count == 0)
        {
            Error(input, "input type file needs 'path' or 'paths'");
        }

        if (Find(input, "readall") is { } readall)
        {
            config = config with { Readall = Bool(readall) ?? false };
        }

        foreach (var ignored in new[] { "poll_interval", "poll_interval_seconds", "max_lines_in_buffer", "fail_on_missing_logfile" })
        {
            if (Find(input, ignored) is { } ignoredNode)
            {
                Note(ignoredNode, ignored switch
                {
                    "max_lines_in_buffer" => "max_lines_in_buffer is not needed: LogMetrics reads in bounded batches and never drops a queue",
                    "fail_on_missing_logfile" => "fail_on_missing_logfile: LogMetrics keeps waiting for a missing file and shows it on its status page",
                    _ => $"{ignored}: use --poll-interval (LogMetrics uses inotify and polls as a fallback)",
                });
            }
        }

        return config with
        {
            InputPaths = paths,
            WebhookPath = Find(input, "webhook_path") is { } p ? Text(p) ?? "/webhook" : "/webhook",
            WebhookFormat = Find(input, "webhook_format") is { } f ? Text(f) ?? "text_single" : "text_single",
            WebhookJsonSelector = Find(input, "webhook_json_selector") is { } j ? Text(j) ?? ".message" : ".message",
            WebhookTextBulkSeparator = Find(input, "webhook_text_bulk_separator") is { } b ? Text(b) ?? "\n\n" : "\n\n",
        };
    }

    private void ReadImports(YamlNode node, List<string> patternSources, out List<MetricConfig> metrics)
    {
        metrics = [];
        if (node is not YamlSequenceNode list)
        {
            Error(node, "imports must be a list");
            return;
        }

        foreach (var item in list)
        {
            if (Mapping(item, ["type", "file", "dir", "defaults"], "imports entry") is not { } entry)
            {
                continue;
            }

            var type = Find(entry, "type") is { } t ? Text(t) : null;
            var sourceNode = Find(entry, "dir") ?? Find(entry, "file");
            var source = sourceNode is null ? null : Text(sourceNode);
            if (sourceNode is null || source is null)
            {
                Error(entry, "an import needs 'file' or 'dir'");
                continue;
            }

            if (Find(entry, "dir") is not null && Find(entry, "file") is { } both)
            {
                Error(both, "an import has 'file' or 'dir', not both");
                continue;
            }

            var defaults = Find(entry, "defaults");
            if (type == "grok_patterns")
            {
                if (defaults is not null)
                {
                    Error(defaults, "'defaults' are for imports of type metrics; grok_exporter rejects them for grok_patterns");
                }

                patternSources.Add(source);
            }
            else if (type == "metrics")
            {
                var read = defaults is null ? new MetricDefaults() : ReadDefaults(defaults);
                if (read is not null)
                {
                    metrics.AddRange(ImportMetrics(source, Find(entry, "dir") is not null, sourceNode, read));
                }
            }
            else
            {
                Error(Find(entry, "type") ?? entry, $"unknown import type '{type}': use grok_patterns or metrics");
            }
        }
    }

    // grok_exporter's config/v3 fileLoader: `dir` is every entry of the directory, `file` a path whose file name may
    // be a glob (* ? [...]; not the directories above it), in file name order; no file is an error, and so is an
    // entry that cannot be read (a subdirectory too).
    private List<MetricConfig> ImportMetrics(string source, bool isDirectory, YamlNode at, MetricDefaults defaults)
    {
        var path = Path.IsPathRooted(source) ? source : Path.Combine(_configDirectory, source);
        var directory = isDirectory ? path : Path.GetDirectoryName(path) ?? ".";
        var pattern = isDirectory ? "*" : Path.GetFileName(path);
        if (directory.IndexOfAny(['*', '?', '[']) >= 0)
        {
            Error(at, $"'{source}': wildcards are only allowed in the file name, not in the directory path (as in grok_exporter)");
            return [];
        }

        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Error(at, $"'{source}': cannot read directory {directory}: {e.Message}");
            return [];
        }

        var name = new System.Text.RegularExpressions.Regex("^" + GrokExporterImporter.GlobRegex(pattern) + "$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var files = entries.Where(e => name.IsMatch(Path.GetFileName(e))).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            Error(at, $"'{source}': file(s) not found in {directory}");
            return [];
        }

        var result = new List<MetricConfig>();
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Error(at, $"'{source}': cannot read {file}: {e.Message}");
                continue;
            }

            result.AddRange(ReadMetricList(text, file, defaults, _messages));
        }

        return result;
    }

    private MetricDefaults? ReadDefaults(YamlNode node)
    {
        if (Mapping(node, ["path", "paths", "retention", "buckets", "quantiles", "max_age", "labels"], "imports defaults") is not { } map)
        {
            return new MetricDefaults();
        }

        if (Find(map, "path") is not null && Find(map, "paths") is { } both)
        {
            Error(both, "use either imports.defaults.path or imports.defaults.paths, but not both (as grok_exporter says)");
            return null;
        }

        var defaults = new MetricDefaults();
        if (Find(map, "path") is { } path && Text(path) is { } pathText)
        {
            defaults = defaults with { Paths = [pathText] };
        }

        if (Find(map, "paths") is { } paths)
        {
            defaults = defaults with { Paths = Strings(paths) };
        }

        if (Find(map, "retention") is { } retention)
        {
            defaults = defaults with { Retention = Duration(retention), RetentionAt = YamlPosition.Of(retention) };
        }

        if (Find(map, "buckets") is { } buckets)
        {
            defaults = defaults with { Buckets = Numbers(buckets) };
        }

        if (Find(map, "quantiles") is { } quantiles)
        {
            defaults = defaults with { Quantiles = Quantiles(quantiles) };
        }

        if (Find(map, "max_age") is { } maxAge)
        {
            defaults = defaults with { MaxAge = Duration(maxAge) };
        }

        if (Find(map, "labels") is { } labels)
        {
            defaults = defaults with { Labels = Templates(labels, "labels").Select(l => l with { File = "" }).ToList() };
        }

        return defaults;
    }

    // grok_exporter's applyImportDefaults.
    private static MetricConfig WithDefaults(MetricConfig metric, MetricDefaults defaults)
    {
        var missing = defaults.Labels.Where(l => !metric.Labels.Any(m => m.Name == l.Name)).ToList();
        if (missing.Count > 0)
        {
            metric = metric with { Labels = [.. metric.Labels, .. missing] };
        }

        if (metric.Type == "summary" && metric.Quantiles is not { Count: > 0 } && defaults.Quantiles is not null)
        {
            metric = metric with { Quantiles = defaults.Quantiles };
        }

        if (metric.Type == "summary" && metric.MaxAge is null && defaults.MaxAge is not null)
        {
            metric = metric with { MaxAge = defaults.MaxAge };
        }

        if (metric.Type == "histogram" && metric.Buckets is not { Count: > 0 } && defaults.Buckets is not null)
        {
            metric = metric with { Buckets = defaults.Buckets };
        }

        if (metric.Retention is null && defaults.Retention is not null)
        {
            metric = metric with { Retention = defaults.Retention, RetentionAt = defaults.RetentionAt };
        }

        if (metric.Paths.Count == 0)
        {
            metric = metric with { Paths = defaults.Paths };
        }

        return metric;
    }

    private List<MetricConfig> ReadMetrics(YamlNode node, int version)
    {
        var result = new List<MetricConfig>();
        if (node is not YamlSequenceNode list)
        {
            Error(node, "metrics must be a list of metrics (each starting with '- type: ...')");
            return result;
        }

        string[] keys = version == 3
            ? ["type", "name", "help", "path", "paths", "match", "retention", "value", "cumulative", "buckets", "quantiles", "max_age", "labels", "delete_match", "delete_labels"]
            : ["type", "name", "help", "path", "paths", "match", "retention", "value", "cumulative", "buckets", "quantiles", "labels", "delete_match", "delete_labels"];
        foreach (var item in list)
        {
            if (Mapping(item, keys, "metric") is { } metric && ReadMetric(metric) is { } read)
            {
                result.Add(read);
            }
        }

        return result;
    }

    private MetricConfig? ReadMetric(YamlMappingNode node)
    {
        var type = Required(node, "type");
        var name = Required(node, "name");
        var help = Required(node, "help");
        var match = Required(node, "match");
        if (type is null || name is null || help is null || match is null)
        {
            return null;
        }

        if (!MetricTypes.Contains(type))
        {
            Error(Find(node, "type")!, $"unknown metric type '{type}': use counter, gauge, histogram or summary");
            return null;
        }

        var metric = new MetricConfig
        {
            At = YamlPosition.Of(node),
            Type = type,
            Name = name,
            NameAt = YamlPosition.Of(Find(node, "name")!),
            Help = help,
            Match = match,
            MatchAt = YamlPosition.Of(Find(node, "match")!),
        };

        if (Find(node, "value") is { } value)
        {
            metric = metric with { Value = Text(value), ValueAt = YamlPosition.Of(value) };
        }
        else if (type is "gauge" or "histogram" or "summary")
        {
            Error(node, $"a {type} needs 'value', the template of the number it records");
        }

        if (Find(node, "cumulative") is { } cumulative)
        {
            OnlyFor(cumulative, "cumulative", type, "gauge");
            metric = metric with { Cumulative = Bool(cumulative) ?? false };
        }

        if (Find(node, "buckets") is { } buckets)
        {
            OnlyFor(buckets, "buckets", type, "histogram");
            var bounds = Numbers(buckets);
            for (var i = 1; i < bounds.Count; i++)
            {
                if (!(bounds[i] > bounds[i - 1]))
                {
                    Error(buckets, "buckets must be strictly increasing");
                    break;
                }
            }

            metric = metric with { Buckets = bounds };
        }

        if (Find(node, "quantiles") is { } quantiles)
        {
            OnlyFor(quantiles, "quantiles", type, "summary");
            metric = metric with { Quantiles = Quantiles(quantiles) };
        }

        if (Find(node, "max_age") is { } maxAge)
        {
            OnlyFor(maxAge, "max_age", type, "summary");
            metric = metric with { MaxAge = Duration(maxAge) };
        }

        if (Find(node, "retention") is { } retention)
        {
            metric = metric with { Retention = Duration(retention), RetentionAt = YamlPosition.Of(retention) };
        }

        var paths = new List<string>();
        if (Find(node, "path") is { } path && Text(path) is { } pathText)
        {
            paths.Add(pathText);
        }

        if (Find(node, "paths") is { } pathList)
        {
            paths.AddRange(Strings(pathList));
        }

        metric = metric with { Paths = paths };
        if (Find(node, "labels") is { } labels)
        {
            metric = metric with { Labels = Templates(labels, "labels") };
        }

        if (Find(node, "delete_match") is { } deleteMatch)
        {
            metric = metric with { DeleteMatch = Text(deleteMatch), DeleteMatchAt = YamlPosition.Of(deleteMatch) };
        }

        if (Find(node, "delete_labels") is { } deleteLabels)
        {
            metric = metric with { DeleteLabels = Templates(deleteLabels, "delete_labels") };
            if (metric.DeleteMatch is null)
            {
                Error(deleteLabels, "delete_labels needs delete_match");
            }

            foreach (var label in metric.DeleteLabels)
            {
                if (!metric.Labels.Any(l => l.Name == label.Name))
                {
                    Error(label.At, $"delete_labels names '{label.Name}', which is not a label of metric '{name}'");
                }
            }
        }

        if (_defaults is not null)
        {
            metric = WithDefaults(metric, _defaults) with { File = _file };
        }

        if (metric.Labels.Count == 0 && (metric.Retention is not null || metric.DeleteMatch is not null))
        {
            Error(node, $"metric '{name}' has no labels: retention and delete_match need labels (as in grok_exporter)");
        }

        return metric;
    }

    private GrokExporterConfig ReadServer(YamlNode node, GrokExporterConfig config, int version)
    {
        string[] keys = version == 3
            ? ["protocol", "host", "port", "path", "cert", "key", "client_ca", "client_auth"]
            : ["protocol", "host", "port", "path", "cert", "key"];
        if (Mapping(node, keys, "server") is not { } server)
        {
            return config;
        }

        if (Find(server, "host") is { } host)
        {
            config = config with { ServerHost = Text(host) ?? "" };
        }

        if (Find(server, "port") is { } port)
        {
            config = config with { ServerPort = Int(port) ?? 9144 };
        }

        if (Find(server, "path") is { } path && Text(path) is { } pathText && pathText != "/metrics")
        {
            Warning(path, $"server.path '{pathText}': LogMetrics serves the metrics on /metrics");
        }

        if (Find(server, "protocol") is { } protocol && Text(protocol) == "https" || Find(server, "cert") is not null || Find(server, "client_ca") is not null)
        {
            Note(server, "TLS settings are not read from here: put cert, key and client CA in a --web.config.file (exporter-toolkit format), which adds basic auth too");
        }

        return config;
    }

    private void CheckUniqueNames(IReadOnlyList<MetricConfig> metrics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            if (!seen.Add(metric.Name))
            {
                _messages.Add(new ImportMessage(ImportSeverity.Error, metric.NameAt.Line, metric.NameAt.Column, $"metric name '{metric.Name}' is used twice") { File = metric.File });
            }
        }
    }

    private List<TemplateConfig> Templates(YamlNode node, string what)
    {
        var result = new List<TemplateConfig>();
        if (node is not YamlMappingNode map)
        {
            Error(node, $"{what} must be a mapping of label name to template, e.g. {{ path: '{{{{.path}}}}' }}");
            return result;
        }

        foreach (var (key, value) in map.Children)
        {
            var name = Text(key);
            var template = Text(value);
            if (name is not null && template is not null)
            {
                result.Add(new TemplateConfig(name, template, YamlPosition.Of(value)));
            }
        }

        return result;
    }

    private List<(double, double)>? Quantiles(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "quantiles must be a mapping of quantile to allowed error, e.g. {0.5: 0.05, 0.9: 0.01}");
            return null;
        }

        var result = new List<(double, double)>();
        foreach (var (key, value) in map.Children)
        {
            var q = Number(key);
            var e = Number(value);
            if (q is null || e is null)
            {
                continue;
            }

            if (!(q >= 0 && q <= 1) || !(e > 0 && e < 1))
            {
                Error(key, $"quantile {q} with error {e}: the quantile must be between 0 and 1 and the error above 0 and below 1");
                continue;
            }

            result.Add((q.Value, e.Value));
        }

        return result.OrderBy(p => p.Item1).ToList();
    }

    private void OnlyFor(YamlNode node, string key, string type, string allowed)
    {
        if (type != allowed)
        {
            Error(node, $"'{key}' is only allowed for {allowed} metrics, not for a {type}");
        }
    }

    private string? Required(YamlMappingNode node, string key)
    {
        if (Find(node, key) is not { } value)
        {
            Error(node, $"metric needs '{key}'");
            return null;
        }

        var text = Text(value);
        if (text is { Length: 0 })
        {
            Error(value, $"'{key}' must not be empty");
            return null;
        }

        return text;
    }

    private YamlMappingNode? Mapping(YamlNode node, string[] keys, string what)
    {
        if (node is not YamlMappingNode map)
        {
            if (node is YamlScalarNode { Value: null or "" })
            {
                return null;
            }

            Error(node, $"{what} must be a mapping");
            return null;
        }

        CheckKeys(map, keys, what);
        return map;
    }

    private void CheckKeys(YamlMappingNode map, string[] keys, string what)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !keys.Contains(name))
            {
                var close = name is null ? null : keys.FirstOrDefault(k => Distance(k, name) <= 2);
                Error(key, $"unknown key '{name}' in {what}" + (close is null ? $"; known keys: {string.Join(", ", keys)}" : $"; did you mean '{close}'?"));
            }
        }
    }

    private static YamlNode? Find(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: var v } && v == key).Value;

    private string? Text(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Error(node, "expected a single value here, not a list or mapping");
        return null;
    }

    private List<string> Strings(YamlNode node)
    {
        if (node is YamlSequenceNode list)
        {
            return list.Select(Text).OfType<string>().ToList();
        }

        Error(node, "expected a list");
        return [];
    }

    private List<double> Numbers(YamlNode node)
    {
        if (node is YamlSequenceNode list)
        {
            return list.Select(Number).OfType<double>().ToList();
        }

        Error(node, "expected a list of numbers, e.g. [0.1, 1, 10]");
        return [];
    }

    private double? Number(YamlNode node) => Parse<double>(node, NumberStyles.Float, "a number");

    private int? Int(YamlNode node) => Parse<int>(node, NumberStyles.Integer, "an integer");

    // A scalar read as T; text that is not one is an error at the node, and null.
    private T? Parse<T>(YamlNode node, NumberStyles styles, string what)
        where T : struct, System.Numerics.INumberBase<T>
    {
        var text = Text(node);
        if (text is not null && T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (text is not null)
        {
            Error(node, $"'{text}' is not {what}");
        }

        return null;
    }

    private bool? Bool(YamlNode node)
    {
        var text = Text(node);
        switch (text)
        {
            case "true" or "True" or "TRUE" or "yes" or "on":
                return true;
            case "false" or "False" or "FALSE" or "no" or "off":
                return false;
            case null:
                return null;
            default:
                Error(node, $"'{text}' is not true or false");
                return null;
        }
    }

    private TimeSpan? Duration(YamlNode node)
    {
        var text = Text(node);
        if (text is not null && GoDuration.TryParse(text, out var value))
        {
            return value;
        }

        if (text is not null)
        {
            Error(node, $"'{text}' is not a duration; write it like 30s, 5m or 2h30m");
        }

        return null;
    }

    private void Error(YamlNode node, string message) => Error(YamlPosition.Of(node), message);

    private void Error(YamlPosition at, string message) => _messages.Add(new ImportMessage(ImportSeverity.Error, at.Line, at.Column, message) { File = _file });

    private void Warning(YamlNode node, string message) =>
        _messages.Add(new ImportMessage(ImportSeverity.Warning, YamlPosition.Of(node).Line, YamlPosition.Of(node).Column, message) { File = _file });

    private void Note(YamlNode node, string message) =>
        _messages.Add(new ImportMessage(ImportSeverity.Note, YamlPosition.Of(node).Line, YamlPosition.Of(node).Column, message) { File = _file });

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
