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
internal sealed partial class GoTemplateTranslator
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
}
