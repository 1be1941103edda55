using System.Collections;
using LogMetrics.Language.Binding;

namespace LogMetrics.Runtime.Explain;

/// <summary>Finds nodes in a bound tree by reading each node's properties, so that it needs no change when node kinds are added.</summary>
internal static class BoundTreeWalker
{
    public static IEnumerable<BoundMatchExpression> Matches(BoundNode root) => Descendants(root).OfType<BoundMatchExpression>();

    private static IEnumerable<BoundNode> Descendants(BoundNode node)
    {
        var stack = new Stack<BoundNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            var children = new List<BoundNode>();
            foreach (var property in current.GetType().GetProperties())
            {
                if (property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                switch (property.GetValue(current))
                {
                    case BoundNode child:
                        children.Add(child);
                        break;
                    case IEnumerable items and not string:
                        children.AddRange(items.OfType<BoundNode>());
                        break;
                }
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }
}
