using System.Globalization;
using System.Text;

namespace LogMetrics.Cli.Import;

/// <summary>Go template functions (<c>index</c>, <c>printf</c>, comparisons, <c>gsub</c>...) and <c>.extra</c> paths,
/// each to expressions of the language.</summary>
internal sealed partial class GoTemplateTranslator
{
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
}
