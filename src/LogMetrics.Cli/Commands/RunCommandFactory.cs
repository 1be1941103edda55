using System.CommandLine;
using LogMetrics.Cli.Daemon;
using LogMetrics.Cli.Import;
using LogMetrics.Cli.Webhook;
using LogMetrics.Cli.Logging;
using LogMetrics.Cli.OneShot;
using LogMetrics.Tailing;
using LogMetrics.Tailing.Records;

namespace LogMetrics.Cli.Commands;

internal static class RunCommandFactory
{
    public static readonly Option<string?> Progs = new("--progs")
    {
        Description = "A program file, or a directory of *.rules and *.mtail programs (or --config).",
    };

    public static readonly Option<FileInfo?> Config = new("--config")
    {
        Description = "A grok_exporter config.yml, imported in memory and run: its metrics, input paths and port (flags given override them).",
    };

    public static readonly Option<string[]> Logs = new("--logs")
    {
        Description = "Logs to read: globs (** allowed), - for stdin, unix://PATH, tcp://HOST:PORT or udp://HOST:PORT. Repeatable; commas separate too.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string?> WebhookPath = new("--webhook")
    {
        Description = "Also take log lines POSTed to this path of the HTTP server (e.g. /webhook), behind the same TLS and basic auth as /metrics.",
    };

    public static readonly Option<string> WebhookFormatOption = new("--webhook-format")
    {
        Description = "How a webhook body holds lines: text_single, text_bulk, json_single, json_bulk or json_lines.",
        DefaultValueFactory = _ => "text_single",
    };

    public static readonly Option<string> WebhookJsonSelector = new("--webhook-json-selector")
    {
        Description = "Where the line is in each JSON object, e.g. .message or .event.lines[0].",
        DefaultValueFactory = _ => ".message",
    };

    public static readonly Option<string> WebhookTextBulkSeparator = new("--webhook-text-bulk-separator")
    {
        Description = "What separates lines in a text_bulk body (default: a blank line).",
        DefaultValueFactory = _ => "\n\n",
    };

    public static readonly Option<bool> WebhookExtra = new("--webhook-extra")
    {
        Description = "Hand each JSON webhook record to the programs as {\"line\": the selected text, \"extra\": the object} (grok_exporter's .extra), read with json { $[\"line\"] =~ /.../ { ... $[\"extra\"][\"user\"] } }.",
    };

    public static readonly Option<bool> OneShot = new("--one-shot")
    {
        Description = "Read every log from its start to EOF, print the metrics to stdout and exit.",
    };

    public static readonly Option<ExpositionFormat> Format = new("--format")
    {
        Description = "One-shot output format.",
        DefaultValueFactory = _ => ExpositionFormat.Prometheus,
        CustomParser = EnumOption.Parse<ExpositionFormat>,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "One-shot: no progress bar on stderr (it is shown only on a terminal, for reads that take over a second).",
    };

    public static readonly Option<bool> FromStart = new("--from-start")
    {
        Description = "Read files found at the first start from their beginning instead of their end.",
    };

    public static readonly Option<DirectoryInfo?> StateDir = new("--state-dir")
    {
        Description = "Directory where read offsets are kept across restarts.",
    };

    public static readonly Option<int> MaxLineBytes = Positive(new("--max-line-bytes")
    {
        Description = "Longer lines are cut to this many bytes, counted and warned about.",
        DefaultValueFactory = _ => 1 << 20,
        CustomParser = IntegerOption.Parse,
    });

    public static readonly Option<LogFormat> InputFormat = new("--input-format")
    {
        Description = "How log lines are decoded: plain, docker (json-file) or cri (Kubernetes).",
        DefaultValueFactory = _ => LogFormat.Plain,
        CustomParser = EnumOption.Parse<LogFormat>,
    };

    /// <summary>Both meanings the issue gives this flag: text|json for LogMetrics' own log, and plain|docker|cri for
    /// decoding log lines (as --input-format). Repeatable, so `--log-format cri --log-format json` sets both.</summary>
    public static readonly Option<string[]> LogFormatOption = new("--log-format")
    {
        Description = "text|json: format of LogMetrics' own log on stderr (default text); plain|docker|cri: how log lines are decoded, as --input-format. Repeatable.",
        DefaultValueFactory = _ => [],
    };

    public static readonly Option<string> LogLevel = new("--log-level")
    {
        Description = "Least severe level of LogMetrics' own log.",
        DefaultValueFactory = _ => "info",
    };

    public static readonly Option<string> Listen = new("--listen")
    {
        Description = "HOST:PORT the HTTP server listens on.",
        DefaultValueFactory = _ => "0.0.0.0:3903",
    };

    public static readonly Option<FileInfo?> WebConfigFile = new("--web.config.file")
    {
        Description = "Prometheus exporter-toolkit web config (TLS, basic auth), re-read when it changes.",
    };

    public static readonly Option<TimeSpan> PollInterval = new("--poll-interval")
    {
        Description = "Fallback file polling and glob rescan interval (e.g. 250ms).",
        DefaultValueFactory = _ => TimeSpan.FromMilliseconds(250),
        CustomParser = Duration.Parse,
    };

    public static readonly Option<MultilineRule[]> Multiline = MultilineOption.Create();

    public static readonly Option<bool> WatchProgs = new("--watch-progs")
    {
        Description = "Reload programs when files in the programs directory change (SIGHUP and POST /-/reload always work).",
        DefaultValueFactory = _ => true,
    };

    public static Command Create()
    {
        LogLevel.AcceptOnlyFromAmong(LogLevels.Names);
        LogFormatOption.AcceptOnlyFromAmong("text", "json", "plain", "docker", "cri");
        EnumOption.ListValues(Format);
        EnumOption.ListValues(InputFormat);
        var command = new Command("run", "Run programs over logs: as a daemon serving /metrics, or once with --one-shot.");
        WebhookFormatOption.AcceptOnlyFromAmong("text_single", "text_bulk", "json_single", "json_bulk", "json_lines");
        Option[] options = [Progs, Config, Logs, WebhookPath, WebhookFormatOption, WebhookJsonSelector, WebhookTextBulkSeparator, WebhookExtra, OneShot, Format, Quiet, FromStart, StateDir, MaxLineBytes, InputFormat, Multiline, LogFormatOption, LogLevel, Listen, WebConfigFile, PollInterval, WatchProgs];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        EngineOptionSet.AddTo(command);
        OutputOptionSet.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var oneShot = parseResult.GetValue(OneShot);
            var settings = EngineOptionSet.Read(parseResult, Console.Error, oneShot ? 0 : EngineOptionSet.DaemonMaxSeriesPerMetric);
            var outputs = OutputOptionSet.Read(parseResult, Console.Error);
            if (settings is null || outputs is null)
            {
                return Task.FromResult((int)ExitCode.Usage);
            }

            var progs = parseResult.GetValue(Progs);
            var config = parseResult.GetValue(Config);
            var logs = SplitLogs(parseResult.GetValue(Logs) ?? []);
            var (input, logFormat) = ReadFormats(parseResult);
            if ((progs is null) == (config is null))
            {
                Console.Error.WriteLine("error: give either --progs (programs) or --config (a grok_exporter config.yml)");
                return Task.FromResult((int)ExitCode.Usage);
            }

            IReadOnlyDictionary<string, string>? imported = null;
            WebhookSettings? webhook = null;
            if (parseResult.GetValue(WebhookPath) is { } webhookPath)
            {
                WebhookSettings.TryParseFormat(parseResult.GetValue(WebhookFormatOption)!, out var webhookFormat);
                webhook = new WebhookSettings
                {
                    Path = webhookPath.StartsWith('/') ? webhookPath : "/" + webhookPath,
                    Format = webhookFormat,
                    JsonSelector = parseResult.GetValue(WebhookJsonSelector)!,
                    TextBulkSeparator = System.Text.RegularExpressions.Regex.Unescape(parseResult.GetValue(WebhookTextBulkSeparator)!),
                    Extra = parseResult.GetValue(WebhookExtra),
                };
            }

            var listen = parseResult.GetValue(Listen)!;
            var fromStart = parseResult.GetValue(FromStart);
            if (config is not null)
            {
                var result = GrokExporterImporter.Import(config.FullName, settings.Engine.Grok ?? Language.Patterns.GrokLibrary.Default);
                foreach (var message in result.Messages.Where(m => m.Severity != ImportSeverity.Note))
                {
                    Console.Error.WriteLine(message.Format(config.FullName));
                }

                if (!result.Success || result.Library is null)
                {
                    Console.Error.WriteLine($"{config.FullName}: the config was not loaded (see `logmetrics import grok-exporter` for the full report)");
                    return Task.FromResult((int)ExitCode.Failure);
                }

                imported = result.Programs.ToDictionary(p => p.FileName, p => p.Text, StringComparer.Ordinal);
                progs = config.FullName;
                logs = logs.Length > 0 ? logs : [.. result.Logs];
                listen = IsImplicit(parseResult, Listen) ? result.Listen : listen;
                fromStart |= result.ReadAll;
                if (result.Config is { InputType: "webhook" } webhookConfig && webhook is null)
                {
                    if (!WebhookSettings.TryParseFormat(webhookConfig.WebhookFormat, out var configFormat))
                    {
                        Console.Error.WriteLine($"{config}: error: unknown webhook_format '{webhookConfig.WebhookFormat}'");
                        return Task.FromResult((int)ExitCode.Failure);
                    }

                    webhook = new WebhookSettings
                    {
                        Path = webhookConfig.WebhookPath,
                        Format = configFormat,
                        JsonSelector = webhookConfig.WebhookJsonSelector,
                        TextBulkSeparator = webhookConfig.WebhookTextBulkSeparator,
                        Extra = result.WebhookExtra,
                    };
                }

                settings = settings with
                {
                    Engine = settings.Engine with { Grok = result.Library },
                    Exposition = IsImplicit(parseResult, EngineOptionSet.EmitProgLabel) ? settings.Exposition with { EmitProgLabel = false } : settings.Exposition,
                };
            }

            if (webhook is not null && parseResult.GetValue(OneShot))
            {
                Console.Error.WriteLine("error: the webhook input needs the daemon: drop --one-shot");
                return Task.FromResult((int)ExitCode.Usage);
            }

            if (logs.Length == 0 && webhook is null)
            {
                Console.Error.WriteLine("error: --logs is required (or an input path in the --config)");
                return Task.FromResult((int)ExitCode.Usage);
            }

            var multiline = parseResult.GetValue(Multiline) ?? [];
            if (oneShot)
            {
                if (outputs.RemoteWrite is not null)
                {
                    Console.Error.WriteLine("error: --remote-write.url pushes from the daemon; --one-shot can write --textfile or stdout");
                    return Task.FromResult((int)ExitCode.Usage);
                }

                var format = parseResult.GetValue(Format);
                if (outputs.Textfile is not null && format != ExpositionFormat.Prometheus)
                {
                    Console.Error.WriteLine($"error: --textfile is written in the Prometheus text format; --format {format.ToString().ToLowerInvariant()} is for stdout");
                    return Task.FromResult((int)ExitCode.Usage);
                }

                var maxLineBytes = parseResult.GetValue(MaxLineBytes);
                var quiet = parseResult.GetValue(Quiet);
                return Task.FromResult((int)(imported is null
                    ? OneShotWorker.Run(progs!, logs, format, settings, input, maxLineBytes, multiline, outputs.Textfile, quiet)
                    : OneShotWorker.Run(imported, logs, format, settings, input, maxLineBytes, multiline, outputs.Textfile, quiet)));
            }

            var daemon = new DaemonSettings
            {
                Progs = progs!,
                InMemoryPrograms = imported,
                Webhook = webhook,
                Engine = settings,
                Tail = new TailOptions
                {
                    Sources = logs,
                    FromStart = fromStart,
                    StateDirectory = parseResult.GetValue(StateDir)?.FullName,
                    MaxLineBytes = parseResult.GetValue(MaxLineBytes),
                    Format = input,
                    Multiline = multiline,
                    PollInterval = parseResult.GetValue(PollInterval),
                },
                LogFormat = logFormat,
                LogLevel = LogLevels.Parse(parseResult.GetValue(LogLevel)!),
                Listen = listen,
                WebConfigFile = parseResult.GetValue(WebConfigFile)?.FullName,
                WatchProgs = parseResult.GetValue(WatchProgs),
                Outputs = outputs,
            };
            return DaemonWorker.RunAsync(daemon).ContinueWith(t => (int)t.GetAwaiter().GetResult(), TaskScheduler.Default);
        });
        return command;
    }

    private static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            // A value that is not a number was already reported by IntegerOption (reading it here would throw).
            if (IntegerOption.TryRead(result) is < 1)
            {
                result.AddError($"{option.Name} must be 1 or more");
            }
        });
        return option;
    }

    private static (LogFormat Input, LogOutputFormat Log) ReadFormats(ParseResult parseResult)
    {
        var input = parseResult.GetValue(InputFormat);
        var log = LogOutputFormat.Text;
        foreach (var value in parseResult.GetValue(LogFormatOption) ?? [])
        {
            switch (value.ToLowerInvariant())
            {
                case "json":
                    log = LogOutputFormat.Json;
                    break;
                case "text":
                    log = LogOutputFormat.Text;
                    break;
                case "docker":
                    input = LogFormat.Docker;
                    break;
                case "cri":
                    input = LogFormat.Cri;
                    break;
                default:
                    input = LogFormat.Plain;
                    break;
            }
        }

        return (input, log);
    }

    private static bool IsImplicit(ParseResult parseResult, Option option) => parseResult.GetResult(option) is not { Implicit: false };

    private static string[] SplitLogs(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
