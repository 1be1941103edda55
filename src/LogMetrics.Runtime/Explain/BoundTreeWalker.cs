using System.Collections;
using LogMetrics.Language.Binding;

namespace LogMetrics.Runtime.Explain;

/// <summary>Finds nodes in a bound tree by reading each node's properties, so that it needs no change when node kinds
/// are added. <see cref="BoundNode"/>'s annotation keeps every node kind's public properties in a native build.</summary>
internal static class BoundTreeWalker
{
    public static IEnumerable<BoundMatchExpression> Matches(BoundNode root) => Descendants(root).OfType<BoundMatchExpression>();

    /// <summary>The node and all below it, parents first, children in property order.</summary>
    private static List<BoundNode> Descendants(BoundNode root)
    {
        var found = new List<BoundNode>();
        var stack = new Stack<BoundNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            found.Add(current);
            var children = Children(current);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        return found;
    }

    private static List<BoundNode> Children(BoundNode node)
    {
        var children = new List<BoundNode>();
        foreach (var property in node.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            switch (property.GetValue(node))
            {
                case BoundNode child:
                    children.Add(child);
                    break;
                case IEnumerable items and not string:
                    children.AddRange(items.OfType<BoundNode>());
                    break;
            }
        }

        return children;
    }
}
