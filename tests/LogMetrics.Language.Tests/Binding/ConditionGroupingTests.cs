using LogMetrics.Language.Binding;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Tests.Binding;

/// <summary>mtail's `conditional_expr: pattern_expr logical_op logical_expr`: a condition led by a regex literal
/// groups everything after the first operator, while && and || otherwise share one left-associative level.</summary>
public sealed class ConditionGroupingTests
{
    private static BoundBinaryExpression Condition(string condition)
    {
        var text = "counter c\n/(\\d)/ {\n  " + condition + " {\n    c++\n  }\n}\n";
        var compilation = Compiler.Compile("t.mtail", text, new CompilerOptions { Grok = GrokLibrary.Default });
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        var outer = (BoundConditionalStatement)compilation.Program!.Body.Statements[0];
        var inner = (BoundConditionalStatement)outer.Then.Statements[0];
        return (BoundBinaryExpression)inner.Condition!;
    }

    [Theory]
    [InlineData("/a/ && $1 > 1 || $1 == 0", BoundBinaryOperator.LogicalAnd)]
    [InlineData("/a/ + /b/ || $1 > 1 && $1 == 0", BoundBinaryOperator.LogicalOr)]
    [InlineData("/a/ && $1 > 1 || $1 == 0 && $1 < 5", BoundBinaryOperator.LogicalAnd)]
    public void A_leading_regex_takes_the_rest_of_the_condition_as_its_right_operand(string condition, BoundBinaryOperator op)
    {
        var binary = Condition(condition);

        Assert.Equal(op, binary.Operator);
        Assert.IsType<BoundMatchExpression>(binary.Left);
        Assert.IsType<BoundBinaryExpression>(binary.Right);
    }

    [Theory]
    [InlineData("$1 > 1 && $1 < 5 || $1 == 0")]
    [InlineData("(/a/ && $1 > 1) || $1 == 0")]
    public void Otherwise_the_logical_operators_associate_left(string condition)
    {
        var binary = Condition(condition);

        Assert.Equal(BoundBinaryOperator.LogicalOr, binary.Operator);
        Assert.Equal(BoundBinaryOperator.LogicalAnd, Assert.IsType<BoundBinaryExpression>(binary.Left).Operator);
    }
}
