using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Binding;

/// <summary>`const NAME /re/`: the joined pattern text and where each piece came from.</summary>
internal sealed class ConstSymbol(ConstDeclarationSyntax declaration, PatternText? pattern)
{
    public ConstDeclarationSyntax Declaration { get; } = declaration;

    public PatternText? Pattern { get; } = pattern;

    public bool Used { get; set; }
}
