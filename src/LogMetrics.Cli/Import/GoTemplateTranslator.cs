using System.Globalization;
using System.Text;

namespace LogMetrics.Cli.Import;

/// <summary>
/// Translates grok_exporter's Go text/template label and value templates to the language: <c>{{.field}}</c> is the
/// capture <c>$field</c>, <c>{{.logfile}}</c> is <c>getfilename()</c>, text around actions is concatenated, and the
/// functions map to builtins: <c>base</c> to <c>basename</c>, <c>gsub</c> to <c>gsub</c> (Oniguruma's <c>\1</c>
/// becomes <c>${1}</c>), <c>add</c>/<c>subtract</c>/<c>multiply</c>/<c>divide</c> to Float arithmetic,
/// <c>timestamp</c> to <c>parsetime</c>, <c>eq</c>/<c>ne</c>/<c>lt</c>/... to comparisons, <c>not</c> to <c>!</c>;
/// pipelines (<c>.path | base</c>) pass the left value as the last argument, as Go does. <c>{{if}}</c>/<c>{{else}}</c>,
/// <c>and</c> and <c>or</c> (which return one of their arguments in Go) become branches of a <see cref="TemplateTree"/>,
/// <c>print</c> and <c>printf</c> (with %s and %v) concatenate, and <c>.extra</c> (the webhook's JSON object) is the field <c>$["extra"]</c> of the record the webhook hands over
/// with <c>--webhook-extra</c>. <c>range</c>, <c>with</c>, variables and other functions are reported at their offset.
/// </summary>
internal sealed class GoTemplateTranslator
{
    private const string True = "(1 == 1)";
    private const string False = "(1 == 0)";
    private const string ExtraRoot = "$[\"extra\"]";

    private readonly string _text;
    private readonly bool _extraAvailable;
    private readonly List<TemplateError> _errors = [];
    private readonly HashSet<string> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<TemplateTree, string> _extraPaths = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<TemplateTree> _intLiterals = new(ReferenceEqualityComparer.Instance);
    private readonly List<(int Offset, string? Text, string Action, int ActionOffset)> _items = [];
    private int _item;
    private string _action = "";
    private int _actionOffset;
    private int _pos;
    private bool _usesExtra;

    private GoTemplateTranslator(string text, bool extraAvailable)
    {
        _text = text;
        _extraAvailable = extraAvailable;
    }

    /// <summary>The template as a tree of expressions of the language; null with errors when it cannot be
    /// translated.</summary>
    public sealed record Result(TemplateTree? Tree, IReadOnlyList<TemplateError> Errors, IReadOnlySet<string> Fields, bool UsesExtra)
    {
        /// <summary>The expression when the template has no branches.</summary>
        public string? Expression => Tree is TemplateLeaf leaf ? leaf.Expression : null;

        public TemplateType Type => Tree is TemplateLeaf leaf ? leaf.Type : TemplateType.String;
    }

    /// <param name="template">The Go template text.</param>
    /// <param name="extraAvailable">True when the input hands over the webhook's JSON object (<c>.extra</c>).</param>
    public static Result Translate(string template, bool extraAvailable = false)
    {
        var translator = new GoTemplateTranslator(template, extraAvailable);
        var tree = translator.TranslateTemplate();
        var ok = translator._errors.Count == 0 && tree is not null;
        return new Result(ok ? tree : null, translator._errors, translator._fields, translator._usesExtra);
    }

    /// <summary>A leaf as a String expression (numbers formatted as Go's %v would, a missing value as Go prints it).</summary>
    public static string AsString(TemplateLeaf leaf) => leaf.Type switch
    {
        TemplateType.String => leaf.Expression,
        TemplateType.Nil => "\"<no value>\"",
        _ => $"string({leaf.Expression})",
    };

    /// <summary>A leaf as a Float expression (text parsed as grok_exporter's strconv.ParseFloat does; a missing
    /// webhook field is a runtime error, as ParseFloat("&lt;no value&gt;") is in grok_exporter).</summary>
    public static string AsFloat(TemplateLeaf leaf)
    {
        switch (leaf.Type)
        {
            case TemplateType.Float:
                return leaf.Expression;
            case TemplateType.Bool:
                return $"float(int({leaf.Expression}))";
            default:
                if (IsStringLiteral(leaf.Expression) && double.TryParse(Unquote(leaf.Expression), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    return FloatLiteral(number);
                }

                return $"float({leaf.Expression})";
        }
    }

    private TemplateTree? TranslateTemplate()
    {
        if (!Lex())
        {
            return null;
        }

        var (tree, stop) = Sequence();
        if (stop is not null)
        {
            Error(_actionOffset, $"'{{{{{stop}}}}}' without '{{{{if}}}}'");
            return null;
        }

        return tree;
    }

    // Splits the text into literal text and actions, trimming around `{{- ` and ` -}}` as Go does.
    private bool Lex()
    {
        var i = 0;
        var pendingTrim = false;
        while (i < _text.Length)
        {
            var open = _text.IndexOf("{{", i, StringComparison.Ordinal);
            var literal = open < 0 ? _text[i..] : _text[i..open];
            if (pendingTrim)
            {
                literal = literal.TrimStart();
            }

            if (open < 0)
            {
                _items.Add((i, literal, "", 0));
                break;
            }

            var close = _text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                Error(open, "unclosed action: '{{' without '}}'");
                return false;
            }

            var innerStart = open + 2;
            var innerEnd = close;
            if (innerEnd - innerStart >= 2 && _text[innerStart] == '-' && char.IsWhiteSpace(_text[innerStart + 1]))
            {
                literal = literal.TrimEnd();
                innerStart++;
            }

            pendingTrim = innerEnd - innerStart >= 2 && _text[innerEnd - 1] == '-' && char.IsWhiteSpace(_text[innerEnd - 2]);
            if (pendingTrim)
            {
                innerEnd--;
            }

            if (literal.Length > 0)
            {
                _items.Add((i, literal, "", 0));
            }

            _items.Add((open, null, _text[innerStart..innerEnd], innerStart));
            i = close + 2;
        }

        return true;
    }

    // A run of text and actions up to `{{else}}`, `{{else if ...}}` or `{{end}}` (returned as the stop word, with
    // the action positioned after it) or the end of the template.
    private (TemplateTree? Tree, string? Stop) Sequence()
    {
        TemplateTree? tree = Literal("");
        while (_item < _items.Count)
        {
            var (offset, text, action, actionOffset) = _items[_item++];
            if (text is not null)
            {
                tree = Concat(tree, Literal(text));
                continue;
            }

            _action = action;
            _actionOffset = actionOffset;
            _pos = 0;
            SkipSpace();
            if (_action.AsSpan(_pos).StartsWith("/*"))
            {
                continue;
            }

            var word = PeekWord();
            switch (word)
            {
                case "if":
                    _pos += 2;
                    tree = Concat(tree, If(offset));
                    continue;
                case "else":
                    _pos += 4;
                    SkipSpace();
                    if (PeekWord() == "if")
                    {
                        _pos += 2;
                        return (tree, "else if");
                    }

                    ExpectEnd();
                    return (tree, "else");
                case "end":
                    _pos += 3;
                    ExpectEnd();
                    return (tree, "end");
                case "range":
                    Error(_actionOffset + _pos, "'{{range}}' has no translation: a label or value is one string or number per line, and grok captures and .extra fields are not lists to range over; use {{index .extra \"key\" 0}} for one element");
                    return (null, null);
                case "with" or "define" or "template" or "block" or "break" or "continue":
                    Error(_actionOffset + _pos, $"'{{{{{word}}}}}' has no translation: write it with {{{{if}}}} and fields, e.g. {{{{if .user}}}}{{{{.user}}}}{{{{else}}}}none{{{{end}}}}");
                    return (null, null);
            }

            if (_action.AsSpan(_pos).StartsWith("$"))
            {
                Error(_actionOffset + _pos, "template variables ($x := ...) have no translation");
                return (null, null);
            }

            var value = Pipeline();
            if (value is not null && ExpectEnd())
            {
                tree = Concat(tree, Printable(value));
            }
            else
            {
                tree = null;
            }
        }

        return (tree, null);
    }

    // After `{{if`: the condition, the branches, up to and including the `{{end}}`.
    private TemplateTree? If(int offset)
    {
        // A bad condition is reported; the branches are still read, so that their {{end}} is not reported too.
        var condition = Pipeline();
        if (condition is not null && !ExpectEnd())
        {
            condition = null;
        }

        var (then, stop) = Sequence();
        TemplateTree? otherwise;
        switch (stop)
        {
            case "end":
                otherwise = Literal("");
                break;
            case "else":
                (otherwise, stop) = Sequence();
                if (stop != "end")
                {
                    Error(offset, "'{{if}}' without '{{end}}'");
                    return null;
                }

                break;
            case "else if":
                otherwise = If(offset);
                break;
            default:
                Error(offset, "'{{if}}' without '{{end}}'");
                return null;
        }

        return condition is null || then is null || otherwise is null ? null : Branch(Truth(condition), then, otherwise);
    }

    private TemplateTree? Pipeline()
    {
        var value = Command(null);
        while (value is not null)
        {
            SkipSpace();
            if (_pos >= _action.Length || _action[_pos] != '|')
            {
                break;
            }

            _pos++;
            value = Command(value);
        }

        return value;
    }

    // A command: a function with arguments (the piped value last), or a single operand.
    private TemplateTree? Command(TemplateTree? piped)
    {
        SkipSpace();
        var start = _pos;
        var word = PeekWord();
        if (word.Length > 0 && char.IsLetter(word[0]) && word is not ("true" or "false" or "nil"))
        {
            _pos += word.Length;
            var args = new List<TemplateTree>();
            while (true)
            {
                SkipSpace();
                if (_pos >= _action.Length || _action[_pos] is '|' or ')')
                {
                    break;
                }

                if (Operand() is not { } arg)
                {
                    return null;
                }

                args.Add(arg);
            }

            if (piped is not null)
            {
                args.Add(piped);
            }

            return Function(word, args, _actionOffset + start);
        }

        if (piped is not null)
        {
            Error(_actionOffset + _pos, $"a pipeline stage must be a function in '{{{{{_action}}}}}'");
            return null;
        }

        return Operand();
    }

    private TemplateTree? Operand()
    {
        SkipSpace();
        if (_pos >= _action.Length)
        {
            Error(_actionOffset + _pos, $"missing value in '{{{{{_action}}}}}'");
            return null;
        }

        var start = _pos;
        var c = _action[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = Pipeline();
            SkipSpace();
            if (inner is null)
            {
                return null;
            }

            if (_pos >= _action.Length || _action[_pos] != ')')
            {
                Error(_actionOffset + _pos, $"missing ')' in '{{{{{_action}}}}}'");
                return null;
            }

            _pos++;
            return inner;
        }

        if (c == '.')
        {
            var path = new List<string>();
            while (_pos < _action.Length && _action[_pos] == '.')
            {
                var nameStart = ++_pos;
                while (_pos < _action.Length && (char.IsLetterOrDigit(_action[_pos]) || _action[_pos] == '_'))
                {
                    _pos++;
                }

                path.Add(_action[nameStart.._pos]);
            }

            var field = path[0];
            if (field.Length == 0)
            {
                Error(_actionOffset + start, "'.' (the whole data) has no translation; name a field, e.g. {{.path}}");
                return null;
            }

            if (field == "extra")
            {
                return Extra(path.Skip(1).Select(k => (object)k).ToList(), start);
            }

            if (path.Count > 1)
            {
                Error(_actionOffset + start, $"'.{string.Join('.', path)}': a grok field is a string and has no fields");
                return null;
            }

            if (field == "logfile")
            {
                return new TemplateLeaf("getfilename()", TemplateType.String);
            }

            _fields.Add(field);
            return new TemplateLeaf("$" + field, TemplateType.String);
        }

        if (c is '"' or '`')
        {
            return StringLiteral() is { } s ? Literal(s) : null;
        }

        if (char.IsAsciiDigit(c) || c is '-' or '+')
        {
            _pos++;
            while (_pos < _action.Length && (char.IsAsciiLetterOrDigit(_action[_pos]) || _action[_pos] is '.' or '_'))
            {
                _pos++;
            }

            var text = _action[start.._pos];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                Error(_actionOffset + start, $"'{text}' is not a number");
                return null;
            }

            var literal = new TemplateLeaf(FloatLiteral(number), TemplateType.Float);
            if (!text.Contains('.') && !text.Contains('e') && !text.Contains('E'))
            {
                _intLiterals.Add(literal);
            }

            return literal;
        }

        var word = PeekWord();
        if (word is "true" or "false")
        {
            _pos += word.Length;
            return new TemplateLeaf(word == "true" ? True : False, TemplateType.Bool);
        }

        if (word.Length > 0 && char.IsLetter(word[0]))
        {
            // A function as an argument without parentheses: Go calls it with no arguments.
            _pos += word.Length;
            return Function(word, [], _actionOffset + start);
        }

        Error(_actionOffset + start, $"unexpected '{_action[start..].Trim()}' in '{{{{{_action}}}}}'");
        return null;
    }

    // `.extra`, `.extra.a.b`: a field of the webhook's JSON object, missing (Go's <no value>) when absent.
    private TemplateTree? Extra(List<object> keys, int start)
    {
        _usesExtra = true;
        if (!_extraAvailable)
        {
            Error(_actionOffset + start, "'.extra' is set only for the webhook input with format json_single, json_lines or json_bulk; grok_exporter fails on every line here");
            return null;
        }

        var path = new StringBuilder(ExtraRoot);
        foreach (var key in keys)
        {
            path.Append('[').Append(key is int index ? index.ToString(CultureInfo.InvariantCulture) : Quote((string)key)).Append(']');
        }

        var expression = path.ToString();
        var tree = keys.Count == 0
            ? new TemplateLeaf(expression, TemplateType.String)
            : Branch($"defined({expression})", new TemplateLeaf(expression, TemplateType.String), new TemplateLeaf(expression, TemplateType.Nil));
        _extraPaths[tree] = expression;
        return tree;
    }

    private TemplateTree? Function(string name, List<TemplateTree> args, int offset)
    {
        if (name == "index")
        {
            return Index(args, offset);
        }

        if (args.Any(IsExtraRoot))
        {
            Error(offset, "'.extra' is the whole JSON object: name a key, e.g. {{index .extra \"user\"}}");
            return null;
        }

        switch (name)
        {
            case "and" or "or":
                if (args.Count == 0)
                {
                    Error(offset, $"{name} takes at least 1 argument, got 0");
                    return null;
                }

                // Go returns the first argument that decides (false for and, true for or), else the last.
                var result = args[^1];
                for (var i = args.Count - 2; i >= 0; i--)
                {
                    var truth = Truth(args[i]);
                    result = name == "and" ? Branch(truth, result, args[i]) : Branch(truth, args[i], result);
                }

                return result;
            case "not":
                return Arity(name, args, 1, offset) ? new TemplateLeaf(Not(Truth(args[0])), TemplateType.Bool) : null;
            case "eq":
                if (args.Count < 2)
                {
                    Error(offset, $"eq takes at least 2 arguments, got {args.Count}");
                    return null;
                }

                if (!Comparable(name, args, offset))
                {
                    return null;
                }

                return Bind(args, leaves => new TemplateLeaf(string.Join(" || ", leaves.Skip(1).Select(l => Compare("==", leaves[0], l))) is var any && leaves.Count > 2 ? $"({any})" : any, TemplateType.Bool));
            case "ne" or "lt" or "le" or "gt" or "ge":
                var comparison = name switch { "ne" => "!=", "lt" => "<", "le" => "<=", "gt" => ">", _ => ">=" };
                return Arity(name, args, 2, offset) && Comparable(name, args, offset) ? Bind(args, l => new TemplateLeaf(Compare(comparison, l[0], l[1]), TemplateType.Bool)) : null;
            case "base":
                return Arity(name, args, 1, offset) ? Bind(args, l => new TemplateLeaf($"basename({AsString(l[0])})", TemplateType.String)) : null;
            case "lower":
                return Arity(name, args, 1, offset) ? Bind(args, l => new TemplateLeaf($"tolower({AsString(l[0])})", TemplateType.String)) : null;
            case "gsub":
                if (!Arity(name, args, 3, offset))
                {
                    return null;
                }

                if (args[1] is not TemplateLeaf { Expression: var regex } || !IsStringLiteral(regex) || args[2] is not TemplateLeaf { Expression: var replacement } || !IsStringLiteral(replacement))
                {
                    Error(offset, "gsub needs the regex and the replacement as string literals, as grok_exporter does");
                    return null;
                }

                return Map(args[0], l => new TemplateLeaf($"gsub({AsString(l)}, {regex}, {Quote(OnigurumaReplacement(Unquote(replacement)))})", TemplateType.String));
            case "add" or "subtract" or "multiply" or "divide":
                if (!Arity(name, args, 2, offset))
                {
                    return null;
                }

                var op = name switch { "add" => "+", "subtract" => "-", "multiply" => "*", _ => "/" };
                if (op == "/" && args[1] is TemplateLeaf divisor && AsFloat(divisor) is var d && double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var zero) && zero == 0)
                {
                    Error(offset, "divide by zero");
                    return null;
                }

                return Bind(args, l => new TemplateLeaf($"({AsFloat(l[0])} {op} {AsFloat(l[1])})", TemplateType.Float));
            case "timestamp":
                if (!Arity(name, args, 2, offset))
                {
                    return null;
                }

                if (args[0] is not TemplateLeaf { Expression: var layout } || !IsStringLiteral(layout))
                {
                    Error(offset, "timestamp needs its layout as a string literal, as grok_exporter does");
                    return null;
                }

                return Map(args[1], l => new TemplateLeaf($"parsetime({AsString(l)}, {layout})", TemplateType.Float));
            case "print":
                // fmt.Sprint: operands side by side, a space between two that are not strings.
                TemplateTree? printed = Literal("");
                for (var i = 0; i < args.Count; i++)
                {
                    var spaced = i > 0 && !IsStringKind(args[i - 1]) && !IsStringKind(args[i]);
                    printed = Concat(Concat(printed, Literal(spaced ? " " : "")), args[i]);
                }

                return printed;
            case "printf":
                return Printf(args, offset);
            default:
                Error(offset, $"template function '{name}' has no translation (translated: base, gsub, add, subtract, multiply, divide, timestamp, eq, ne, lt, le, gt, ge, and, or, not, index .extra, print, printf with %s and %v, lower)");
                return null;
        }
    }

    // printf with a literal format of %s (strings), %v (anything, as Go prints it) and %%: the pieces concatenated.
    private TemplateTree? Printf(List<TemplateTree> args, int offset)
    {
        if (args.Count == 0 || args[0] is not TemplateLeaf { Expression: var format } || !IsStringLiteral(format))
        {
            Error(offset, "printf needs its format as a string literal");
            return null;
        }

        var text = Unquote(format);
        TemplateTree? result = Literal("");
        var literal = new StringBuilder();
        var next = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                literal.Append(text[i]);
                continue;
            }

            var verb = i + 1 < text.Length ? text[++i] : ' ';
            if (verb == '%')
            {
                literal.Append('%');
                continue;
            }

            if (verb is not ('s' or 'v') || next >= args.Count || (verb == 's' && !IsStringKind(args[next])))
            {
                Error(offset, next >= args.Count && verb is 's' or 'v'
                    ? $"printf: the format has more verbs than arguments"
                    : $"printf: only %s (of a string) and %v have a translation, not %{verb}");
                return null;
            }

            result = Concat(Concat(result, Literal(literal.ToString())), args[next++]);
            literal.Clear();
        }

        if (next != args.Count)
        {
            Error(offset, "printf: more arguments than verbs in the format");
            return null;
        }

        return Concat(result, Literal(literal.ToString()));
    }

    private static bool IsStringKind(TemplateTree tree) => tree switch
    {
        TemplateLeaf leaf => leaf.Type is TemplateType.String or TemplateType.Nil,
        TemplateBranch b => IsStringKind(b.Then) && IsStringKind(b.Else),
        _ => false,
    };

    // `index .extra "k" ...`: a deeper field of the webhook's JSON object (string keys for objects, numbers for arrays).
    private TemplateTree? Index(List<TemplateTree> args, int offset)
    {
        if (args.Count == 0 || !_extraPaths.TryGetValue(args[0], out var path))
        {
            Error(offset, "index has a translation only on .extra (the webhook's JSON object): a grok field is a string");
            return null;
        }

        var keys = new List<object>();
        foreach (var key in args.Skip(1))
        {
            if (key is TemplateLeaf { Type: TemplateType.String } s && IsStringLiteral(s.Expression))
            {
                keys.Add(Unquote(s.Expression));
            }
            else if (key is TemplateLeaf { Type: TemplateType.Float } n && int.TryParse(n.Expression.TrimEnd('0').TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                keys.Add(index);
            }
            else
            {
                Error(offset, "index needs its keys as string literals (or array positions as numbers), e.g. {{index .extra \"user\"}}");
                return null;
            }
        }

        var existing = path == ExtraRoot ? [] : ParsePath(path);
        return Extra([.. existing, .. keys], 0);
    }

    private static List<object> ParsePath(string path)
    {
        var keys = new List<object>();
        var i = ExtraRoot.Length;
        while (i < path.Length)
        {
            var close = path[i + 1] == '"' ? path.IndexOf("\"]", i + 2, StringComparison.Ordinal) + 1 : path.IndexOf(']', i);
            var key = path[(i + 1)..close];
            keys.Add(key.StartsWith('"') ? Unquote(key) : int.Parse(key, CultureInfo.InvariantCulture));
            i = close + 1;
        }

        return keys;
    }

    private bool IsExtraRoot(TemplateTree tree) => _extraPaths.TryGetValue(tree, out var path) && path == ExtraRoot;

    // What the action prints: .extra alone is the whole object (Go prints map[...]), which has no translation.
    private TemplateTree? Printable(TemplateTree value)
    {
        if (IsExtraRoot(value))
        {
            Error(_actionOffset, "'.extra' is the whole JSON object: name a key, e.g. {{index .extra \"user\"}}");
            return null;
        }

        return value;
    }

    // Go's eq, lt, ... compare values of one basic kind only: a grok field (a string) with a number, or a float
    // (what add and the others return) with an integer literal, fails with "incompatible types for comparison".
    private bool Comparable(string name, List<TemplateTree> args, int offset)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            Kinds(arg, kinds);
        }

        if (kinds.Count <= 1)
        {
            return true;
        }

        var hint = kinds.Contains("string") ? "; a grok field is a string: compare it with a quoted value (eq .status \"200\") or convert it (gt (add .ms 0) 500.0)" : "; write the integer as a float (500.0)";
        Error(offset, $"{name} compares {string.Join(" with ", kinds.Order(StringComparer.Ordinal))}: grok_exporter fails on every line with 'incompatible types for comparison'{hint}");
        return false;
    }

    private void Kinds(TemplateTree tree, HashSet<string> kinds)
    {
        switch (tree)
        {
            case TemplateBranch b:
                Kinds(b.Then, kinds);
                Kinds(b.Else, kinds);
                break;
            case TemplateLeaf { Type: TemplateType.Nil }:
                break;
            case TemplateLeaf leaf:
                kinds.Add(leaf.Type switch
                {
                    TemplateType.Float => _intLiterals.Contains(leaf) ? "int" : "float",
                    TemplateType.Bool => "bool",
                    _ => "string",
                });
                break;
        }
    }

    private static string Compare(string op, TemplateLeaf left, TemplateLeaf right)
    {
        var (a, b) = (AsString(left), AsString(right));
        if (op is "==" or "!=" && IsStringLiteral(a) && IsStringLiteral(b))
        {
            return (a == b) == (op == "==") ? True : False;
        }

        var numeric = left.Type == TemplateType.Float || right.Type == TemplateType.Float;
        return numeric ? $"({AsFloat(left)} {op} {AsFloat(right)})" : $"({AsString(left)} {op} {AsString(right)})";
    }

    /// <summary>Go's truth of a value: false for "", 0, false and a missing value.</summary>
    private static string Truth(TemplateTree tree)
    {
        switch (tree)
        {
            case TemplateLeaf { Type: TemplateType.Nil }:
                return False;
            case TemplateLeaf { Type: TemplateType.Bool } b:
                return b.Expression;
            case TemplateLeaf { Type: TemplateType.Float } f:
                return double.TryParse(f.Expression, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? (n != 0 ? True : False) : $"({f.Expression} != 0.0)";
            case TemplateLeaf s:
                return IsStringLiteral(s.Expression) ? (s.Expression.Length > 2 ? True : False) : $"({s.Expression} != \"\")";
            case TemplateBranch b:
                var then = Truth(b.Then);
                var otherwise = Truth(b.Else);
                if (then == otherwise)
                {
                    return then;
                }

                // `or a b` is (a ? a : b) and `and a b` is (a ? b : a): their truth is a || b and a && b.
                if (then == b.Condition)
                {
                    return Or(b.Condition, otherwise);
                }

                if (otherwise == b.Condition)
                {
                    return And(b.Condition, then);
                }

                return Or(And(b.Condition, then), And(Not(b.Condition), otherwise));
            default:
                throw new InvalidOperationException("unknown template tree");
        }
    }

    private static string And(string a, string b) =>
        a == False || b == False ? False : a == True || a == b ? b : b == True ? a : $"({a} && {b})";

    private static string Or(string a, string b) =>
        a == True || b == True ? True : a == False || a == b ? b : b == False ? a : $"({a} || {b})";

    private static string Not(string a) => a == True ? False : a == False ? True : a.StartsWith("!(", StringComparison.Ordinal) && a.EndsWith(')') ? a[2..^1] : $"!({a})";

    private static TemplateTree Branch(string condition, TemplateTree then, TemplateTree otherwise) =>
        condition == True ? then : condition == False ? otherwise : then == otherwise ? then : new TemplateBranch(condition, then, otherwise);

    private static TemplateTree Map(TemplateTree tree, Func<TemplateLeaf, TemplateTree> f) => tree switch
    {
        TemplateLeaf leaf => f(leaf),
        TemplateBranch b => Branch(b.Condition, Map(b.Then, f), Map(b.Else, f)),
        _ => throw new InvalidOperationException("unknown template tree"),
    };

    // Applies f to every combination of the arguments' leaves, so a function of a branching value branches too.
    private static TemplateTree Bind(List<TemplateTree> args, Func<List<TemplateLeaf>, TemplateTree> f)
    {
        TemplateTree Go(int i, List<TemplateLeaf> chosen) => i == args.Count
            ? f(chosen)
            : Map(args[i], leaf => Go(i + 1, [.. chosen, leaf]));
        return Go(0, []);
    }

    private static TemplateTree? Concat(TemplateTree? left, TemplateTree? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        return Bind([left, right], l =>
        {
            var (a, b) = (AsString(l[0]), AsString(l[1]));
            if (a == "\"\"")
            {
                return l[1];
            }

            if (b == "\"\"")
            {
                return l[0];
            }

            return IsStringLiteral(a) && IsStringLiteral(b)
                ? Literal(Unquote(a) + Unquote(b))
                : new TemplateLeaf(a + " + " + b, TemplateType.String);
        });
    }

    private static TemplateLeaf Literal(string text) => new(Quote(text), TemplateType.String);

    private static string FloatLiteral(double number)
    {
        var r = number.ToString("R", CultureInfo.InvariantCulture);
        return !r.Contains('.') && !r.Contains('E') ? r + ".0" : r.Replace("E", "e", StringComparison.Ordinal);
    }

    private bool Arity(string name, List<TemplateTree> args, int expected, int offset)
    {
        if (args.Count == expected)
        {
            return true;
        }

        Error(offset, $"{name} takes {expected} argument{(expected == 1 ? "" : "s")}, got {args.Count}");
        return false;
    }

    private bool ExpectEnd()
    {
        SkipSpace();
        if (_pos < _action.Length)
        {
            Error(_actionOffset + _pos, $"unexpected '{_action[_pos..].Trim()}' in '{{{{{_action}}}}}'");
            return false;
        }

        return true;
    }

    private void Error(int offset, string message) => _errors.Add(new TemplateError(Math.Clamp(offset, 0, _text.Length), message));

    // Oniguruma's \1 .. \9 and \k<name> become Go's ${1} and ${name}; a literal $ is $$.
    private static string OnigurumaReplacement(string replacement)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '$')
            {
                builder.Append("$$");
            }
            else if (c == '\\' && i + 1 < replacement.Length && char.IsAsciiDigit(replacement[i + 1]))
            {
                builder.Append("${").Append(replacement[i + 1]).Append('}');
                i++;
            }
            else if (c == '\\' && i + 2 < replacement.Length && replacement[i + 1] == 'k' && replacement[i + 2] == '<' && replacement.IndexOf('>', i) is var end and > 0)
            {
                builder.Append("${").Append(replacement, i + 3, end - i - 3).Append('}');
                i = end;
            }
            else if (c == '\\' && i + 1 < replacement.Length && replacement[i + 1] == '\\')
            {
                builder.Append('\\');
                i++;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private string? StringLiteral()
    {
        var start = _pos;
        var quote = _action[_pos++];
        var builder = new StringBuilder();
        while (_pos < _action.Length)
        {
            var c = _action[_pos++];
            if (c == quote)
            {
                return builder.ToString();
            }

            if (quote == '"' && c == '\\' && _pos < _action.Length)
            {
                var e = _action[_pos++];
                builder.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '\\' => '\\', '"' => '"', _ => e });
                continue;
            }

            builder.Append(c);
        }

        Error(_actionOffset + start, $"unterminated string in '{{{{{_action}}}}}'");
        return null;
    }

    private string PeekWord()
    {
        var end = _pos;
        while (end < _action.Length && (char.IsLetterOrDigit(_action[end]) || _action[end] == '_'))
        {
            end++;
        }

        return _action[_pos..end];
    }

    private void SkipSpace()
    {
        while (_pos < _action.Length && char.IsWhiteSpace(_action[_pos]))
        {
            _pos++;
        }
    }

    private static bool IsStringLiteral(string expression) =>
        expression.Length >= 2 && expression[0] == '"' && expression[^1] == '"' && !expression.Contains("\" + ", StringComparison.Ordinal);

    /// <summary>A string literal of the language: only `"` needs escaping (a backslash stays as it is).</summary>
    internal static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Unquote(string literal) => literal[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
}
