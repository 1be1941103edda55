using System.Globalization;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Tests.Support;

/// <summary>Prints an expression fully parenthesised, to test precedence and associativity.</summary>
internal static class SyntaxPrinter
{
    public static string Print(ExpressionSyntax e) => e switch
    {
        BinaryExpressionSyntax b => $"({Print(b.Left)} {Op(b.Operator)} {Print(b.Right)})",
        AssignmentExpressionSyntax a => $"({Print(a.Target)} {Op(a.Operator)} {Print(a.Value)})",
        UnaryExpressionSyntax u => $"({Op(u.Operator)}{Print(u.Operand)})",
        PostfixExpressionSyntax p => $"({Print(p.Operand)}{Op(p.Operator)})",
        NameExpressionSyntax n => n.Name,
        IndexExpressionSyntax i => $"{i.Name}[{string.Join(", ", i.Keys.Select(Print))}]",
        CallExpressionSyntax c => $"{c.Name}({string.Join(", ", c.Arguments.Select(Print))})",
        IntegerLiteralExpressionSyntax i => i.Value.ToString(CultureInfo.InvariantCulture),
        FloatLiteralExpressionSyntax f => f.Text,
        StringLiteralExpressionSyntax s => $"\"{s.Value}\"",
        RegexLiteralExpressionSyntax r => $"/{r.Pattern}/",
        CaptureReferenceExpressionSyntax c => "$" + c.Name + string.Concat(c.Selectors.Select(f =>
            f.Index is { } index ? $"[{index}]" : $"[\"{f.Key}\"]")),
        _ => e.GetType().Name,
    };

    private static string Op(SyntaxKind kind) => kind switch
    {
        SyntaxKind.Plus => "+",
        SyntaxKind.Minus => "-",
        SyntaxKind.Multiply => "*",
        SyntaxKind.Divide => "/",
        SyntaxKind.Modulo => "%",
        SyntaxKind.Power => "**",
        SyntaxKind.ShiftLeft => "<<",
        SyntaxKind.ShiftRight => ">>",
        SyntaxKind.Less => "<",
        SyntaxKind.LessOrEqual => "<=",
        SyntaxKind.Greater => ">",
        SyntaxKind.GreaterOrEqual => ">=",
        SyntaxKind.Equal => "==",
        SyntaxKind.NotEqual => "!=",
        SyntaxKind.BitwiseAnd => "&",
        SyntaxKind.BitwiseOr => "|",
        SyntaxKind.BitwiseXor => "^",
        SyntaxKind.Match => "=~",
        SyntaxKind.NotMatch => "!~",
        SyntaxKind.LogicalAnd => "&&",
        SyntaxKind.LogicalOr => "||",
        SyntaxKind.Assign => "=",
        SyntaxKind.AddAssign => "+=",
        SyntaxKind.SubtractAssign => "-=",
        SyntaxKind.Increment => "++",
        SyntaxKind.Decrement => "--",
        SyntaxKind.BitwiseNot => "~",
        SyntaxKind.LogicalNot => "!",
        _ => "-",
    };
}
