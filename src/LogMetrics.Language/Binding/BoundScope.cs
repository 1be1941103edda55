namespace LogMetrics.Language.Binding;

/// <summary>Names visible in a block: metrics, consts, decorators and the captures of the patterns that guard it.</summary>
internal sealed class BoundScope
{
    private readonly Dictionary<string, object> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BoundCaptureReference> _captures = new(StringComparer.Ordinal);
    private readonly List<string> _captureNames = [];
    private BoundStructuredPattern? _structured;

    public BoundScope(BoundScope? parent) => Parent = parent;

    public BoundScope? Parent { get; }

    public void Declare(string name, object symbol) => _symbols[name] = symbol;

    /// <summary>A symbol declared in this scope itself (not a parent): what a new declaration here would clash with.</summary>
    public object? LookupLocal(string name) => _symbols.GetValueOrDefault(name);

    public object? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._symbols.TryGetValue(name, out var symbol))
            {
                return symbol;
            }
        }

        return null;
    }

    public void DeclareCapture(string name, BoundCaptureReference capture)
    {
        if (!_captures.ContainsKey(name) && !name.All(char.IsAsciiDigit))
        {
            _captureNames.Add(name);
        }

        _captures[name] = capture;
    }

    /// <summary>A capture declared by a pattern of this scope itself (not a parent's).</summary>
    public BoundCaptureReference? LookupLocalCapture(string name) => _captures.GetValueOrDefault(name);

    /// <summary>Brings a structured pattern's fields into scope: a `$name` no inner pattern captures is its field.</summary>
    public void DeclareStructured(BoundStructuredPattern pattern) => _structured = pattern;

    /// <summary>The source of a named capture: a regex capture of that name in any enclosing scope (a
    /// <see cref="BoundCaptureReference"/>), else the innermost structured pattern, whose field it is (a
    /// <see cref="BoundStructuredPattern"/>); null when neither. An empty name (`$["key"]`) is always a field.</summary>
    public object? LookupCaptureSource(string name)
    {
        if (name.Length > 0 && LookupCapture(name) is { } capture)
        {
            return capture;
        }

        if (name.Length > 0 && name.All(char.IsAsciiDigit))
        {
            return null;
        }

        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._structured is { } structured)
            {
                return structured;
            }
        }

        return null;
    }

    public BoundCaptureReference? LookupCapture(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._captures.TryGetValue(name, out var capture))
            {
                return capture;
            }
        }

        return null;
    }

    /// <summary>Names of the captures in scope, named ones first, innermost first; positional ones as $N.</summary>
    public IReadOnlyList<string> CaptureNames()
    {
        var names = new List<string>();
        var positional = new SortedSet<int>();
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            foreach (var name in scope._captureNames)
            {
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }

            foreach (var key in scope._captures.Keys)
            {
                if (key.All(char.IsAsciiDigit) && key != "0")
                {
                    positional.Add(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        names.AddRange(positional.Select(p => "$" + p));
        return names;
    }
}
