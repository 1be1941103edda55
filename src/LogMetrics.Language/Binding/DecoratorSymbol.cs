using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Binding;

internal sealed class DecoratorSymbol(DecoratorDefinitionSyntax definition)
{
    public DecoratorDefinitionSyntax Definition { get; } = definition;

    public bool Used { get; set; }
}
