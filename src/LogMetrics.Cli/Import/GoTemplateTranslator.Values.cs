using System.Globalization;

namespace LogMetrics.Cli.Import;

/// <summary>Building the translated values: Go's truth, and/or/not, branches, concatenation and literals.</summary>
internal sealed partial class GoTemplateTranslator
{
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

    private static bool IsStringLiteral(string expression) =>
        expression.Length >= 2 && expression[0] == '"' && expression[^1] == '"' && !expression.Contains("\" + ", StringComparison.Ordinal);

    /// <summary>A string literal of the language: only `"` needs escaping (a backslash stays as it is).</summary>
    internal static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Unquote(string literal) => literal[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
}
