using System.Collections.Concurrent;
using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Patterns;

/// <summary>Named grok patterns: the built-in library, plus any loaded from logstash-format files.</summary>
public sealed class GrokLibrary
{
    private const int MaxDepth = 48;
    private const string ResourceName = "LogMetrics.Language.Patterns.grok-patterns.txt";

    private static readonly Lazy<GrokLibrary> s_default = new(LoadDefault);

    private readonly Dictionary<string, string> _definitions;
    private readonly ConcurrentDictionary<string, GrokResolution> _expanded = new(StringComparer.Ordinal);

    private GrokLibrary(Dictionary<string, string> definitions) => _definitions = definitions;

    /// <summary>The built-in library: every name of logstash-patterns-core's legacy set.</summary>
    public static GrokLibrary Default => s_default.Value;

    /// <summary>A library with no patterns.</summary>
    public static GrokLibrary Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Adds the patterns of every file in a directory (`NAME regex` per line, `#` comments); later definitions override.
    /// Errors are "file:line: message" strings.</summary>
    public GrokLibrary WithPatternsFrom(string directory, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        var definitions = new Dictionary<string, string>(_definitions, StringComparer.Ordinal);
        var origins = new List<(string File, int Line, string Name)>();
        string[] files;
        try
        {
            files = Directory.GetFiles(directory);
            Array.Sort(files, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors = [PatternMessages.PatternFileUnreadable(directory, ex.Message)];
            return this;
        }

        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                list.Add(PatternMessages.PatternFileUnreadable(file, ex.Message));
                continue;
            }

            foreach (var (line, name, pattern) in GrokPatternFileReader.Read(text, file, list))
            {
                definitions[name] = pattern;
                origins.Add((file, line, name));
            }
        }

        var library = new GrokLibrary(definitions);
        foreach (var (file, line, name) in origins)
        {
            if (definitions[name] is var pattern && library.Validate(name, pattern) is { } error)
            {
                list.Add(PatternMessages.PatternFileInvalidPattern(file, line, name, error));
            }
        }

        errors = list;
        return library;
    }

    /// <summary>Adds patterns given as (name, regex) pairs, e.g. from the command line; later definitions override.
    /// Errors are "NAME: message" strings.</summary>
    public GrokLibrary WithDefinitions(IEnumerable<(string Name, string Pattern)> patterns, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var list = new List<string>();
        var definitions = new Dictionary<string, string>(_definitions, StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var (name, pattern) in patterns)
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                list.Add(PatternMessages.DefinitionBadName(name));
                continue;
            }

            definitions[name] = pattern;
            added.Add(name);
        }

        var library = new GrokLibrary(definitions);
        foreach (var name in added.Distinct())
        {
            if (library.Validate(name, definitions[name]) is { } error)
            {
                list.Add(PatternMessages.DefinitionInvalid(name, error));
            }
        }

        errors = list;
        return library;
    }

    /// <summary>Adds the patterns of one text in logstash's format (`NAME regex` per line, `#` comments), e.g. a
    /// config's inline list; later definitions override. Errors are "origin:line: message" strings.</summary>
    public GrokLibrary WithPatterns(string text, string origin, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        var definitions = new Dictionary<string, string>(_definitions, StringComparer.Ordinal);
        var origins = new List<(int Line, string Name)>();
        foreach (var (line, name, pattern) in GrokPatternFileReader.Read(text, origin, list))
        {
            definitions[name] = pattern;
            origins.Add((line, name));
        }

        var library = new GrokLibrary(definitions);
        foreach (var (line, name) in origins)
        {
            if (library.Validate(name, definitions[name]) is { } error)
            {
                list.Add(PatternMessages.PatternFileInvalidPattern(origin, line, name, error));
            }
        }

        errors = list;
        return library;
    }

    public bool Contains(string name) => _definitions.ContainsKey(name);

    public IReadOnlyCollection<string> Names => _definitions.Keys;

    /// <summary>The definition of a pattern as written, or null.</summary>
    public string? GetDefinition(string name) => _definitions.GetValueOrDefault(name);

    internal GrokResolution Resolve(string name) => Resolve(name, []);

    /// <summary>The first error in a definition (an unknown reference, a cycle, bad syntax), or null.</summary>
    internal PatternError? Validate(string name, string pattern)
    {
        var parser = new RegexParser(pattern, RegexDialect.Grok, n => Resolve(n, [name]));
        parser.Parse();
        return parser.Errors.Count > 0 ? parser.Errors[0] : null;
    }

    private GrokResolution Resolve(string name, List<string> stack)
    {
        if (_expanded.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (!_definitions.TryGetValue(name, out var definition))
        {
            return GrokResolution.Unknown(name, CloseNames(name));
        }

        if (stack.Contains(name))
        {
            var path = string.Join(" -> ", stack.SkipWhile(s => s != name).Append(name));
            return new GrokResolution(null, (offset, length) => PatternMessages.GrokCycle(offset, length, path));
        }

        if (stack.Count >= MaxDepth)
        {
            return new GrokResolution(null, (offset, length) => PatternMessages.GrokTooDeep(offset, length, name, MaxDepth));
        }

        stack.Add(name);
        var parser = new RegexParser(definition, RegexDialect.Grok, n => Resolve(n, stack));
        var node = parser.Parse();
        stack.RemoveAt(stack.Count - 1);
        GrokResolution result;
        if (parser.Errors.Count == 0)
        {
            result = new GrokResolution(node, null);
        }
        else
        {
            var inner = parser.Errors[0];
            result = inner.Code is "LM3016" or "LM3017" or "LM3018" or "LM3001"
                ? new GrokResolution(null, (offset, length) => inner with { Offset = offset, Length = length })
                : new GrokResolution(null, (offset, length) => PatternMessages.GrokDefinitionInvalid(offset, length, name, inner.Message));
        }

        if (stack.Count == 0 || result.Node is not null)
        {
            _expanded.TryAdd(name, result);
        }

        return result;
    }

    private List<string> CloseNames(string name)
    {
        var limit = Math.Max(2, name.Length / 3);
        return _definitions.Keys
            .Select(k => (Name: k, Distance: EditDistance(name.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Name)
            .ToList();
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static GrokLibrary LoadDefault()
    {
        using var stream = typeof(GrokLibrary).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return Empty;
        }

        using var reader = new StreamReader(stream);
        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, name, pattern) in GrokPatternFileReader.Read(reader.ReadToEnd(), "grok-patterns.txt", []))
        {
            definitions[name] = pattern;
        }

        return new GrokLibrary(definitions);
    }
}
