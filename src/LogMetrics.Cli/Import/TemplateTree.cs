namespace LogMetrics.Cli.Import;

/// <summary>
/// A translated template: an expression (a leaf), or a condition choosing between two trees, for templates with
/// <c>{{if}}</c>, <c>and</c>/<c>or</c> or a webhook field that may be missing. The language has no conditional
/// expression, so the importer writes a branch as an if/else statement around the metric update.
/// </summary>
internal abstract record TemplateTree
{
    /// <summary>How many leaves (statements the importer writes) the tree has.</summary>
    public abstract int Leaves { get; }
}

/// <summary>An expression of the language and its type.</summary>
internal sealed record TemplateLeaf(string Expression, TemplateType Type) : TemplateTree
{
    public override int Leaves => 1;
}

/// <summary>A condition of the language and the trees for when it holds and when it does not.</summary>
internal sealed record TemplateBranch(string Condition, TemplateTree Then, TemplateTree Else) : TemplateTree
{
    public override int Leaves => Then.Leaves + Else.Leaves;
}

/// <summary>The type of a translated template expression. Nil is Go's missing value (a webhook field that is not
/// there): printed as <c>&lt;no value&gt;</c>, false in a condition.</summary>
internal enum TemplateType
{
    String,
    Float,
    Bool,
    Nil,
}

/// <summary>An error in a template, at an offset into its text.</summary>
internal sealed record TemplateError(int Offset, string Message);
