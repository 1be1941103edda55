using System.CommandLine;
using System.Text.RegularExpressions;
using LogMetrics.Cli.Outputs;
using LogMetrics.Cli.Outputs.RemoteWrite;

namespace LogMetrics.Cli.Commands;

/// <summary>`--textfile` and `--remote-write.*`: outputs besides /metrics.</summary>
internal static partial class OutputOptionSet
{
    public static readonly Option<FileInfo?> Textfile = new("--textfile")
    {
        Description = "Also write the metrics (Prometheus text) to this file for node_exporter's textfile collector: atomically, every --textfile.interval and at exit; with --one-shot, instead of stdout.",
    };

    public static readonly Option<TimeSpan> TextfileInterval = new("--textfile.interval")
    {
        Description = "How often the daemon rewrites --textfile.",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(15),
        CustomParser = Duration.Parse,
    };

    public static readonly Option<string[]> RemoteWriteUrl = new("--remote-write.url")
    {
        Description = "Push the metrics with Prometheus remote_write 1.0 to this URL (e.g. http://mimir:9009/api/v1/push). Repeatable.",
        DefaultValueFactory = _ => [],
    };

    public static readonly Option<TimeSpan> RemoteWriteInterval = new("--remote-write.interval")
    {
        Description = "How often the current values are taken and queued for sending.",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(15),
        CustomParser = Duration.Parse,
    };

    public static readonly Option<string[]> RemoteWriteExternalLabel = new("--remote-write.external-label")
    {
        Description = "NAME=VALUE added to every series sent that does not have the label already. Repeatable.",
        DefaultValueFactory = _ => [],
    };

    public static readonly Option<FileInfo?> RemoteWriteBearerTokenFile = new("--remote-write.bearer-token-file")
    {
        Description = "Send `Authorization: Bearer` with the token in this file (re-read for every request).",
    };

    public static readonly Option<string?> RemoteWriteBasicAuthUsername = new("--remote-write.basic-auth.username")
    {
        Description = "Send basic auth with this user name.",
    };

    public static readonly Option<FileInfo?> RemoteWriteBasicAuthPasswordFile = new("--remote-write.basic-auth.password-file")
    {
        Description = "The basic auth password, read from this file (re-read for every request).",
    };

    public static readonly Option<FileInfo?> RemoteWriteTlsCaFile = new("--remote-write.tls.ca-file")
    {
        Description = "PEM CA certificates to verify the receiver with, instead of the system's.",
    };

    public static readonly Option<FileInfo?> RemoteWriteTlsCertFile = new("--remote-write.tls.cert-file")
    {
        Description = "PEM client certificate for receivers that ask for one (with --remote-write.tls.key-file).",
    };

    public static readonly Option<FileInfo?> RemoteWriteTlsKeyFile = new("--remote-write.tls.key-file")
    {
        Description = "PEM private key of --remote-write.tls.cert-file.",
    };

    public static readonly Option<bool> RemoteWriteTlsInsecureSkipVerify = new("--remote-write.tls.insecure-skip-verify")
    {
        Description = "Do not verify the receiver's certificate.",
    };

    public static readonly Option<int> RemoteWriteQueueCapacity = new("--remote-write.queue-capacity")
    {
        Description = "Samples kept per URL while the receiver is away; beyond it the oldest are dropped and counted.",
        DefaultValueFactory = _ => 200_000,
    };

    public static readonly Option<int> RemoteWriteMaxSamplesPerSend = new("--remote-write.max-samples-per-send")
    {
        Description = "Samples per request at most.",
        DefaultValueFactory = _ => 2000,
    };

    public static readonly Option<TimeSpan> RemoteWriteTimeout = new("--remote-write.timeout")
    {
        Description = "Time one request may take before it is retried.",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(30),
        CustomParser = Duration.Parse,
    };

    public static readonly Option<TimeSpan> RemoteWriteMaxBackoff = new("--remote-write.max-backoff")
    {
        Description = "Longest wait between retries (the wait starts at 100ms and doubles).",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(5),
        CustomParser = Duration.Parse,
    };

    private static Option[] All =>
    [
        Textfile, TextfileInterval, RemoteWriteUrl, RemoteWriteInterval, RemoteWriteExternalLabel, RemoteWriteBearerTokenFile,
        RemoteWriteBasicAuthUsername, RemoteWriteBasicAuthPasswordFile, RemoteWriteTlsCaFile, RemoteWriteTlsCertFile,
        RemoteWriteTlsKeyFile, RemoteWriteTlsInsecureSkipVerify, RemoteWriteQueueCapacity, RemoteWriteMaxSamplesPerSend,
        RemoteWriteTimeout, RemoteWriteMaxBackoff,
    ];

    public static void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads the options; an inconsistent or unreadable setting is reported and gives null.</summary>
    public static OutputSettings? Read(ParseResult parseResult, TextWriter errors)
    {
        var settings = new OutputSettings
        {
            Textfile = parseResult.GetValue(Textfile)?.FullName,
            TextfileInterval = parseResult.GetValue(TextfileInterval),
        };
        if (settings.TextfileInterval <= TimeSpan.Zero)
        {
            errors.WriteLine("error: --textfile.interval must be above 0");
            return null;
        }

        var urls = new List<Uri>();
        foreach (var text in parseResult.GetValue(RemoteWriteUrl) ?? [])
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.WriteLine($"error: --remote-write.url '{text}' is not an http:// or https:// URL");
                return null;
            }

            urls.Add(url);
        }

        if (urls.Count == 0)
        {
            return RemoteWriteOnlyOptionGiven(parseResult) is { } orphan
                ? Fail(errors, $"error: {orphan} needs --remote-write.url")
                : settings;
        }

        var remote = ReadRemoteWrite(parseResult, urls, errors);
        return remote is null ? null : settings with { RemoteWrite = remote };
    }

    private static RemoteWriteSettings? ReadRemoteWrite(ParseResult parseResult, List<Uri> urls, TextWriter errors)
    {
        var labels = new List<KeyValuePair<string, string>>();
        foreach (var pair in parseResult.GetValue(RemoteWriteExternalLabel) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            if (equals < 0 || !LabelName().IsMatch(name) || name.StartsWith("__", StringComparison.Ordinal) || labels.Any(l => l.Key == name))
            {
                return Fail<RemoteWriteSettings>(errors, $"error: --remote-write.external-label '{pair}' is not NAME=VALUE with a valid, unique label name");
            }

            labels.Add(new(name, pair[(equals + 1)..]));
        }

        var settings = new RemoteWriteSettings
        {
            Urls = urls,
            Interval = parseResult.GetValue(RemoteWriteInterval),
            ExternalLabels = labels,
            BearerTokenFile = parseResult.GetValue(RemoteWriteBearerTokenFile)?.FullName,
            BasicAuthUsername = parseResult.GetValue(RemoteWriteBasicAuthUsername),
            BasicAuthPasswordFile = parseResult.GetValue(RemoteWriteBasicAuthPasswordFile)?.FullName,
            TlsCaFile = parseResult.GetValue(RemoteWriteTlsCaFile)?.FullName,
            TlsCertFile = parseResult.GetValue(RemoteWriteTlsCertFile)?.FullName,
            TlsKeyFile = parseResult.GetValue(RemoteWriteTlsKeyFile)?.FullName,
            TlsInsecureSkipVerify = parseResult.GetValue(RemoteWriteTlsInsecureSkipVerify),
            QueueCapacity = parseResult.GetValue(RemoteWriteQueueCapacity),
            MaxSamplesPerSend = parseResult.GetValue(RemoteWriteMaxSamplesPerSend),
            Timeout = parseResult.GetValue(RemoteWriteTimeout),
            MaxBackoff = parseResult.GetValue(RemoteWriteMaxBackoff),
        };

        string? problem = null;
        if (settings.Interval <= TimeSpan.Zero || settings.Timeout <= TimeSpan.Zero || settings.MaxBackoff <= TimeSpan.Zero)
        {
            problem = "--remote-write.interval, --remote-write.timeout and --remote-write.max-backoff must be above 0";
        }
        else if (settings.QueueCapacity < 1 || settings.MaxSamplesPerSend < 1)
        {
            problem = "--remote-write.queue-capacity and --remote-write.max-samples-per-send must be at least 1";
        }
        else if (settings.BearerTokenFile is not null && settings.BasicAuthUsername is not null)
        {
            problem = "--remote-write.bearer-token-file and --remote-write.basic-auth.username exclude each other";
        }
        else if (settings.BasicAuthPasswordFile is not null && settings.BasicAuthUsername is null)
        {
            problem = "--remote-write.basic-auth.password-file needs --remote-write.basic-auth.username";
        }
        else if ((settings.TlsCertFile is null) != (settings.TlsKeyFile is null))
        {
            problem = "--remote-write.tls.cert-file and --remote-write.tls.key-file go together";
        }
        else if (new[] { settings.BearerTokenFile, settings.BasicAuthPasswordFile, settings.TlsCaFile, settings.TlsCertFile, settings.TlsKeyFile }
                 .FirstOrDefault(f => f is not null && !File.Exists(f)) is { } missing)
        {
            problem = $"'{missing}' does not exist";
        }

        return problem is null ? settings : Fail<RemoteWriteSettings>(errors, "error: " + problem);
    }

    private static string? RemoteWriteOnlyOptionGiven(ParseResult parseResult) =>
        All.Where(o => o.Name.StartsWith("--remote-write.", StringComparison.Ordinal) && o != RemoteWriteUrl)
            .FirstOrDefault(o => parseResult.GetResult(o) is { Implicit: false })?.Name;

    private static OutputSettings? Fail(TextWriter errors, string message) => Fail<OutputSettings>(errors, message);

    private static T? Fail<T>(TextWriter errors, string message)
        where T : class
    {
        errors.WriteLine(message);
        return null;
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
