using System.Globalization;
using System.Text;

namespace LogMetrics.Cli.Import;

/// <summary>
/// Translates grok_exporter's Go text/template label and value templates to expressions of the language:
/// <c>{{.field}}</c> is the capture <c>$field</c>, <c>{{.logfile}}</c> is <c>getfilename()</c>, text around actions
/// is concatenated, and the functions map to builtins: <c>base</c> to <c>basename</c>, <c>gsub</c> to <c>gsub</c>
/// (Oniguruma's <c>\1</c> becomes <c>${1}</c>), <c>add</c>/<c>subtract</c>/<c>multiply</c>/<c>divide</c> to Float
/// arithmetic, <c>timestamp</c> to <c>parsetime</c>, <c>eq</c>/<c>ne</c> to comparisons; pipelines (<c>.path | base</c>)
/// pass the left value as the last argument, as Go does. Control structures (<c>if</c>, <c>range</c>, <c>with</c>) and
/// <c>.extra</c> (webhook JSON) have no translation and are reported.
/// </summary>
internal sealed class GoTemplateTranslator
{
    private readonly string _text;
    private readonly List<string> _errors = [];
    private readonly HashSet<string> _fields = new(StringComparer.Ordinal);
    private string _action = "";
    private int _pos;

    private GoTemplateTranslator(string text)
    {
        _text = text;
    }

    /// <summary>An expression of the language and its type (String, Float or Bool); null with errors when the
    /// template cannot be translated.</summary>
    public sealed record Result(string? Expression, TemplateType Type, IReadOnlyList<string> Errors, IReadOnlySet<string> Fields);

    public static Result Translate(string template)
    {
        var translator = new GoTemplateTranslator(template);
        var (expression, type) = translator.TranslateTemplate();
        return new Result(translator._errors.Count == 0 ? expression : null, type, translator._errors, translator._fields);
    }

    /// <summary>The template as a String expression (numbers formatted as Go's %v would).</summary>
    public static string AsString(Result result) => result.Type == TemplateType.String ? result.Expression! : $"string({result.Expression})";

    /// <summary>The template as a Float expression (text parsed as grok_exporter's strconv.ParseFloat does).</summary>
    public static string AsFloat(Result result) => result.Type == TemplateType.Float ? result.Expression! : $"float({result.Expression})";

    private (string, TemplateType) TranslateTemplate()
    {
        var parts = new List<(string Text, TemplateType Type)>();
        var i = 0;
        while (i < _text.Length)
        {
            var open = _text.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add((Quote(_text[i..]), TemplateType.String));
                break;
            }

            var close = _text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                _errors.Add("unclosed action: '{{' without '}}'");
                break;
            }

            var literal = _text[i..open];
            var inner = _text[(open + 2)..close];
            if (inner.StartsWith('-'))
            {
                literal = literal.TrimEnd();
                inner = inner[1..];
            }

            var trimAfter = inner.EndsWith('-');
            if (trimAfter)
            {
                inner = inner[..^1];
            }

            if (literal.Length > 0)
            {
                parts.Add((Quote(literal), TemplateType.String));
            }

            _action = inner;
            _pos = 0;
            if (TranslateAction() is { } action)
            {
                parts.Add(action);
            }

            i = close + 2;
            if (trimAfter)
            {
                while (i < _text.Length && char.IsWhiteSpace(_text[i]))
                {
                    i++;
                }
            }
        }

        if (parts.Count == 0)
        {
            return ("\"\"", TemplateType.String);
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        return (string.Join(" + ", parts.Select(p => p.Type == TemplateType.String ? p.Text : $"string({p.Text})")), TemplateType.String);
    }

    private (string, TemplateType)? TranslateAction()
    {
        SkipSpace();
        var first = PeekWord();
        if (first is "if" or "else" or "end" or "range" or "with" or "define" or "template" or "block")
        {
            _errors.Add($"'{{{{{first} ...}}}}' has no translation: LogMetrics' labels are expressions; write the condition as a pattern block in the generated program");
            return null;
        }

        if (_action.TrimStart().StartsWith("/*", StringComparison.Ordinal))
        {
            return null;
        }

        var result = Pipeline();
        SkipSpace();
        if (result is not null && _pos < _action.Length)
        {
            _errors.Add($"unexpected '{_action[_pos..].Trim()}' in '{{{{{_action}}}}}'");
            return null;
        }

        return result;
    }

    private (string, TemplateType)? Pipeline()
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
    private (string, TemplateType)? Command((string, TemplateType)? piped)
    {
        SkipSpace();
        var word = PeekWord();
        if (word.Length > 0 && char.IsLetter(word[0]) && word is not ("true" or "false"))
        {
            _pos += word.Length;
            var args = new List<(string, TemplateType)>();
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

            if (piped is { } p)
            {
                args.Add(p);
            }

            return Function(word, args);
        }

        if (piped is not null)
        {
            _errors.Add($"a pipeline stage must be a function in '{{{{{_action}}}}}'");
            return null;
        }

        return Operand();
    }

    private (string, TemplateType)? Operand()
    {
        SkipSpace();
        if (_pos >= _action.Length)
        {
            _errors.Add($"missing value in '{{{{{_action}}}}}'");
            return null;
        }

        var c = _action[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = Pipeline();
            SkipSpace();
            if (_pos >= _action.Length || _action[_pos] != ')')
            {
                _errors.Add($"missing ')' in '{{{{{_action}}}}}'");
                return null;
            }

            _pos++;
            return inner;
        }

        if (c == '.')
        {
            var start = ++_pos;
            while (_pos < _action.Length && (char.IsLetterOrDigit(_action[_pos]) || _action[_pos] == '_'))
            {
                _pos++;
            }

            var field = _action[start.._pos];
            if (field.Length == 0)
            {
                _errors.Add("'.' (the whole data) has no translation; name a field, e.g. {{.path}}");
                return null;
            }

            if (_pos < _action.Length && _action[_pos] == '.')
            {
                _errors.Add($"nested field '.{field}{_action[_pos..].Split(' ')[0]}' has no translation");
                return null;
            }

            if (field == "extra")
            {
                _errors.Add("'.extra' (the JSON object of a webhook) has no translation");
                return null;
            }

            if (field == "logfile")
            {
                return ("getfilename()", TemplateType.String);
            }

            _fields.Add(field);
            return ("$" + field, TemplateType.String);
        }

        if (c is '"' or '`')
        {
            return StringLiteral() is { } s ? (Quote(s), TemplateType.String) : null;
        }

        if (char.IsAsciiDigit(c) || c is '-' or '+')
        {
            var start = _pos++;
            while (_pos < _action.Length && (char.IsAsciiLetterOrDigit(_action[_pos]) || _action[_pos] is '.' or '_'))
            {
                _pos++;
            }

            var text = _action[start.._pos];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                _errors.Add($"'{text}' is not a number");
                return null;
            }

            return (number.ToString("R", CultureInfo.InvariantCulture) is var r && !r.Contains('.') && !r.Contains('E') ? r + ".0" : r.Replace("E", "e"), TemplateType.Float);
        }

        var word = PeekWord();
        if (word is "true" or "false")
        {
            _pos += word.Length;
            return (word == "true" ? "(1 == 1)" : "(1 == 0)", TemplateType.Bool);
        }

        _errors.Add($"unexpected '{_action[_pos..].Trim()}' in '{{{{{_action}}}}}'");
        return null;
    }

    private (string, TemplateType)? Function(string name, List<(string Text, TemplateType Type)> args)
    {
        switch (name)
        {
            case "base":
                return Arity(name, args, 1) ? ($"basename({Str(args[0])})", TemplateType.String) : null;
            case "gsub":
                if (!Arity(name, args, 3))
                {
                    return null;
                }

                if (!IsStringLiteral(args[1].Text) || !IsStringLiteral(args[2].Text))
                {
                    _errors.Add("gsub needs the regex and the replacement as string literals, as grok_exporter does");
                    return null;
                }

                return ($"gsub({Str(args[0])}, {args[1].Text}, {Quote(OnigurumaReplacement(Unquote(args[2].Text)))})", TemplateType.String);
            case "add" or "subtract" or "multiply" or "divide":
                if (!Arity(name, args, 2))
                {
                    return null;
                }

                var op = name switch { "add" => "+", "subtract" => "-", "multiply" => "*", _ => "/" };
                if (op == "/" && args[1].Type == TemplateType.Float && double.TryParse(args[1].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var divisor) && divisor == 0)
                {
                    _errors.Add("divide by zero");
                    return null;
                }

                return ($"({Float(args[0])} {op} {Float(args[1])})", TemplateType.Float);
            case "timestamp":
                if (!Arity(name, args, 2))
                {
                    return null;
                }

                if (!IsStringLiteral(args[0].Text))
                {
                    _errors.Add("timestamp needs its layout as a string literal, as grok_exporter does");
                    return null;
                }

                return ($"parsetime({Str(args[1])}, {args[0].Text})", TemplateType.Float);
            case "eq" or "ne" or "lt" or "le" or "gt" or "ge":
                if (!Arity(name, args, 2))
                {
                    return null;
                }

                var comparison = name switch { "eq" => "==", "ne" => "!=", "lt" => "<", "le" => "<=", "gt" => ">", _ => ">=" };
                var numeric = args[0].Type == TemplateType.Float || args[1].Type == TemplateType.Float;
                return numeric
                    ? ($"({Float(args[0])} {comparison} {Float(args[1])})", TemplateType.Bool)
                    : ($"({Str(args[0])} {comparison} {Str(args[1])})", TemplateType.Bool);
            case "lower":
                return Arity(name, args, 1) ? ($"tolower({Str(args[0])})", TemplateType.String) : null;
            default:
                _errors.Add($"template function '{name}' has no translation (translated: base, gsub, add, subtract, multiply, divide, timestamp, eq, ne, lt, le, gt, ge)");
                return null;
        }
    }

    private bool Arity(string name, List<(string, TemplateType)> args, int expected)
    {
        if (args.Count == expected)
        {
            return true;
        }

        _errors.Add($"{name} takes {expected} argument{(expected == 1 ? "" : "s")}, got {args.Count}");
        return false;
    }

    private static string Str((string Text, TemplateType Type) value) => value.Type == TemplateType.String ? value.Text : $"string({value.Text})";

    private static string Float((string Text, TemplateType Type) value) => value.Type switch
    {
        TemplateType.Float => value.Text,
        TemplateType.Bool => $"int({value.Text})",
        _ => $"float({value.Text})",
    };

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

        _errors.Add($"unterminated string in '{{{{{_action}}}}}'");
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

    private static bool IsStringLiteral(string expression) => expression.Length >= 2 && expression[0] == '"' && expression[^1] == '"' && !expression.Contains("\" + ", StringComparison.Ordinal);

    /// <summary>A string literal of the language: only `"` needs escaping (a backslash stays as it is).</summary>
    internal static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Unquote(string literal) => literal[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
}

/// <summary>The type of a translated template expression.</summary>
internal enum TemplateType
{
    String,
    Float,
    Bool,
}
