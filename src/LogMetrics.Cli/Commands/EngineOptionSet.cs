using System.CommandLine;
using LogMetrics.Language.Patterns;
using LogMetrics.Metrics;
using LogMetrics.Metrics.Exposition;
using LogMetrics.Runtime;

namespace LogMetrics.Cli.Commands;

/// <summary>The options that shape how programs are compiled and run, shared by run, test and check.</summary>
internal static class EngineOptionSet
{
    public static readonly Option<DirectoryInfo?> GrokPatterns = new("--grok-patterns")
    {
        Description = "A directory of logstash-format grok pattern files added to the built-in library.",
    };

    public static readonly Option<string?> OverrideTimezone = new("--override-timezone")
    {
        Description = "Time zone for timestamps without one: an IANA name, UTC or Local (default UTC).",
    };

    public static readonly Option<bool> SyslogUseCurrentYear = new("--syslog-use-current-year")
    {
        Description = "Add the current year to timestamps without a year.",
        DefaultValueFactory = _ => true,
    };

    public static readonly Option<bool> EmitProgLabel = new("--emit-prog-label")
    {
        Description = "Add the `prog` label (the program's file name) to every program metric.",
        DefaultValueFactory = _ => true,
    };

    public static readonly Option<bool> EmitMetricTimestamp = new("--emit-metric-timestamp")
    {
        Description = "Write each series' timestamp in the exposition.",
    };

    /// <summary>The daemon's default for --max-series-per-metric: a guard against a label that grows without bound, far
    /// above what a program that runs under mtail holds in practice. One-shot, test and check have none, as mtail.</summary>
    public const int DaemonMaxSeriesPerMetric = 1_000_000;

    public static readonly Option<int?> MaxSeriesPerMetric = NotNegative(new("--max-series-per-metric")
    {
        Description = "New label sets beyond this many per metric are dropped, counted and warned about; 0 for no limit. "
            + "Default: no limit with --one-shot, test and check (as mtail); 1000000 for the daemon.",
        CustomParser = IntegerOption.ParseNullable,
    });

    public static readonly Option<TimeSpan> MatchTimeout = RegexTimeout(new("--match-timeout")
    {
        Description = "Longest time one regex may spend on one line (e.g. 100ms, 1s); a timeout is a runtime error.",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(1),
        CustomParser = Duration.Parse,
    });

    /// <summary>.NET's regex engine takes a timeout above 0 and below about 24 days (int.MaxValue ms); anything else would
    /// fail every program's load, so it is a usage error at parse time.</summary>
    public static Option<TimeSpan> RegexTimeout(Option<TimeSpan> option)
    {
        var longest = TimeSpan.FromMilliseconds(int.MaxValue - 1);
        option.Validators.Add(result =>
        {
            if (result.Errors.Any() || result.Tokens.Count == 0)
            {
                return;
            }

            var value = result.GetValueOrDefault<TimeSpan>();
            if (value <= TimeSpan.Zero || value > longest)
            {
                result.AddError($"{option.Name} must be above 0 and at most {Duration.Format(longest)} (got {result.Tokens[0].Value})");
            }
        });
        return option;
    }

    public static void AddTo(Command command)
    {
        command.Options.Add(GrokPatterns);
        command.Options.Add(OverrideTimezone);
        command.Options.Add(SyslogUseCurrentYear);
        command.Options.Add(EmitProgLabel);
        command.Options.Add(EmitMetricTimestamp);
        command.Options.Add(MaxSeriesPerMetric);
        command.Options.Add(MatchTimeout);
    }

    /// <summary>Rejects a negative value at parse time (a usage error).</summary>
    public static Option<int?> NotNegative(Option<int?> option)
    {
        option.Validators.Add(result =>
        {
            // A value that is not a number was already reported by IntegerOption (reading it here would throw).
            if (IntegerOption.TryRead(result) is < 0)
            {
                result.AddError($"{option.Name} must be 0 or more");
            }
        });
        return option;
    }

    /// <summary>Reads the options; a bad zone or pattern directory is reported and gives null.</summary>
    /// <param name="defaultMaxSeries">--max-series-per-metric when not given: 0 (none) except in the daemon.</param>
    public static EngineSettings? Read(ParseResult parseResult, TextWriter errors, int defaultMaxSeries = 0)
    {
        var zone = TimeZoneInfo.Utc;
        var zoneName = parseResult.GetValue(OverrideTimezone);
        if (!string.IsNullOrEmpty(zoneName) && !TryFindZone(zoneName, out zone))
        {
            errors.WriteLine($"error: unknown time zone '{zoneName}'");
            return null;
        }

        var grok = LoadGrok(parseResult.GetValue(GrokPatterns), errors);
        if (grok is null)
        {
            return null;
        }

        var engine = new EngineOptions
        {
            TimeZone = zone,
            SyslogUseCurrentYear = parseResult.GetValue(SyslogUseCurrentYear),
            Grok = grok,
            MatchTimeout = parseResult.GetValue(MatchTimeout),
        };
        var store = new MetricStoreOptions { MaxSeriesPerMetric = parseResult.GetValue(MaxSeriesPerMetric) ?? defaultMaxSeries };
        var exposition = new ExpositionOptions
        {
            EmitProgLabel = parseResult.GetValue(EmitProgLabel),
            EmitTimestamps = parseResult.GetValue(EmitMetricTimestamp),
        };
        return new EngineSettings(engine, store, exposition);
    }

    /// <summary>The built-in grok library plus a directory's patterns; null (errors written) when they cannot be read.</summary>
    public static GrokLibrary? LoadGrok(DirectoryInfo? patterns, TextWriter errors)
    {
        if (patterns is null)
        {
            return GrokLibrary.Default;
        }

        if (!patterns.Exists)
        {
            errors.WriteLine($"error: grok pattern directory '{patterns.FullName}' does not exist");
            return null;
        }

        var grok = GrokLibrary.Default.WithPatternsFrom(patterns.FullName, out var patternErrors);
        foreach (var error in patternErrors)
        {
            errors.WriteLine($"{error}: error");
        }

        return patternErrors.Count > 0 ? null : grok;
    }

    private static bool TryFindZone(string name, out TimeZoneInfo zone)
    {
        if (name.Equals("Local", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Local;
            return true;
        }

        if (name.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out zone!);
    }
}

/// <summary>Options for the engine, the store and the exposition, read from the command line.</summary>
internal sealed record EngineSettings(EngineOptions Engine, MetricStoreOptions Store, ExpositionOptions Exposition);
