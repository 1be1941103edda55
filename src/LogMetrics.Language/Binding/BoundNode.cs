using System.Diagnostics.CodeAnalysis;
using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>A node of the bound tree: names resolved, types known, conversions explicit.</summary>
/// <remarks>Every node kind keeps its public properties in a trimmed or native build: the explain walker finds
/// a node's children by reading them, so that it needs no change when node kinds are added.</remarks>
[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
public abstract record BoundNode(SourceSpan Span);
