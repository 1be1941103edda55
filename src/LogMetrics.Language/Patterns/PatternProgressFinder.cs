using System.Text;
using System.Text.RegularExpressions;

namespace LogMetrics.Language.Patterns;

/// <summary>Finds a pattern's <see cref="PatternProgress"/> on a text: the pattern is cut into its sequence of elements
/// (descending into groups, captures and grok expansions that are not repeated or alternated), and the longest
/// prefix of that sequence that matches somewhere in the text is searched for.</summary>
public static class PatternProgressFinder
{
    /// <summary>Null when the translation has errors. A match that times out counts as no match.</summary>
    public static PatternProgress? Find(RegexTranslation translation, string text, TimeSpan matchTimeout)
    {
        ArgumentNullException.ThrowIfNull(translation);
        ArgumentNullException.ThrowIfNull(text);
        if (translation.Tree is null)
        {
            return null;
        }

        var pieces = new List<Piece>();
        Flatten(translation.Tree, pieces, []);
        var atoms = pieces.Count(p => p.Kind == PieceKind.Atom);

        // Whether a prefix matches somewhere only shrinks as the prefix grows, so the longest is found by bisection.
        var (low, high) = (0, atoms);
        var best = Match(pieces, 0, translation.Options, text, matchTimeout) ?? (0, 0);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Match(pieces, middle, translation.Options, text, matchTimeout) is { } found)
            {
                low = middle;
                best = found;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (low == atoms)
        {
            return new PatternProgress(best.Start, best.End, "", null, true);
        }

        var failed = AtomAt(pieces, low);
        return new PatternProgress(best.Start, best.End, Describe(pieces, failed), failed.Context.Count == 0 ? null : string.Join(" > ", failed.Context), false);
    }

    private static (int Start, int End)? Match(List<Piece> pieces, int atoms, RegexOptions options, string text, TimeSpan timeout)
    {
        var pattern = new RegexEmitter().Emit(Prefix(pieces, atoms));
        try
        {
            var match = new Regex(pattern, options, timeout).Match(text);
            return match.Success ? (match.Index, match.Index + match.Length) : null;
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The tree of the first <paramref name="atoms"/> atoms, every group opened so far closed.</summary>
    private static RegexNode Prefix(List<Piece> pieces, int atoms)
    {
        var stack = new Stack<(Piece? Open, List<RegexNode> Items)>();
        stack.Push((null, []));
        var taken = 0;
        foreach (var piece in pieces)
        {
            if (piece.Kind == PieceKind.Atom)
            {
                if (taken == atoms)
                {
                    break;
                }

                stack.Peek().Items.Add(piece.Node);
                taken++;
            }
            else if (piece.Kind == PieceKind.Open)
            {
                stack.Push((piece, []));
            }
            else
            {
                Close(stack);
            }
        }

        while (stack.Count > 1)
        {
            Close(stack);
        }

        return RegexNode.Concat(stack.Pop().Items);
    }

    private static void Close(Stack<(Piece? Open, List<RegexNode> Items)> stack)
    {
        var (open, items) = stack.Pop();
        var body = RegexNode.Concat(items);
        var node = open!.Node.Kind switch
        {
            RegexNodeKind.Capture => RegexNode.Capture(body, open.Node.Name, open.Node.ExplicitType),
            RegexNodeKind.Group => RegexNode.Group(body, open.Node.Text),
            _ => RegexNode.GrokExpansion(body, open.Node.Name!, open.Node.FoldCase),
        };
        stack.Peek().Items.Add(node);
    }

    private static void Flatten(RegexNode node, List<Piece> pieces, IReadOnlyList<string> context)
    {
        switch (node.Kind)
        {
            case RegexNodeKind.Empty:
                break;
            case RegexNodeKind.Concat:
                foreach (var child in node.Children)
                {
                    Flatten(child, pieces, context);
                }

                break;
            case RegexNodeKind.Capture or RegexNodeKind.GrokExpansion:
            case RegexNodeKind.Group when !node.IsAtomic:
                var inner = Name(node) is { } name ? [.. context, name] : context;
                if (node.Kind == RegexNodeKind.Capture && node.Child.Kind == RegexNodeKind.GrokExpansion)
                {
                    // %{NAME:field} is a capture around an expansion: one step of context, written as it was.
                    inner = [.. context, $"%{{{node.Child.Name}:{node.Name}}}"];
                    pieces.Add(new Piece(PieceKind.Open, node, context));
                    pieces.Add(new Piece(PieceKind.Open, node.Child, inner));
                    Flatten(node.Child.Child, pieces, inner);
                    pieces.Add(new Piece(PieceKind.Close, node.Child, inner));
                    pieces.Add(new Piece(PieceKind.Close, node, context));
                    break;
                }

                pieces.Add(new Piece(PieceKind.Open, node, context));
                Flatten(node.Child, pieces, inner);
                pieces.Add(new Piece(PieceKind.Close, node, context));
                break;
            default:
                pieces.Add(new Piece(PieceKind.Atom, node, context));
                break;
        }
    }

    private static string? Name(RegexNode node) => node.Kind switch
    {
        RegexNodeKind.GrokExpansion => $"%{{{node.Name}}}",
        RegexNodeKind.Capture when node.Name is not null => $"(?P<{node.Name}>...)",
        _ => null,
    };

    private static Piece AtomAt(List<Piece> pieces, int index) =>
        pieces.Where(p => p.Kind == PieceKind.Atom).ElementAt(index);

    /// <summary>The failed atom as the pattern spells it (grok references as %{NAME:field}); a literal is shown with
    /// the literals that follow it (up to 24 characters).</summary>
    private static string Describe(List<Piece> pieces, Piece failed)
    {
        if (failed.Node.Kind != RegexNodeKind.Literal)
        {
            return Render(failed.Node);
        }

        var text = new StringBuilder();
        foreach (var piece in pieces.SkipWhile(p => !ReferenceEquals(p, failed)))
        {
            if (piece.Kind != PieceKind.Atom || piece.Node.Kind != RegexNodeKind.Literal || text.Length >= 24 || !ReferenceEquals(piece.Context, failed.Context))
            {
                break;
            }

            text.Append(Render(piece.Node));
        }

        return text.ToString();
    }

    private static string Render(RegexNode node) => node.Kind switch
    {
        RegexNodeKind.Empty => "",
        RegexNodeKind.Literal => string.Concat(node.Text.Select(c => @"\.+*?()|[]{}^$".Contains(c) ? "\\" + c : c.ToString())),
        RegexNodeKind.Class => node.Class!.ToNet(),
        RegexNodeKind.AnyChar => ".",
        RegexNodeKind.Assertion or RegexNodeKind.Flags => node.Text,
        RegexNodeKind.Concat => string.Concat(node.Children.Select(c => c.Kind == RegexNodeKind.Alternate ? "(?:" + Render(c) + ")" : Render(c))),
        RegexNodeKind.Alternate => string.Join("|", node.Children.Select(Render)),
        RegexNodeKind.Repeat => RenderRepeat(node),
        RegexNodeKind.Capture when node.Child.Kind == RegexNodeKind.GrokExpansion => $"%{{{node.Child.Name}:{node.Name}}}",
        RegexNodeKind.Capture => (node.Name is null ? "(" : $"(?P<{node.Name}>") + Render(node.Child) + ")",
        RegexNodeKind.GrokExpansion => $"%{{{node.Name}}}",
        _ => node.Text + Render(node.Child) + ")",
    };

    private static string RenderRepeat(RegexNode node)
    {
        var child = Render(node.Child);
        if (node.Child.Kind is RegexNodeKind.Concat or RegexNodeKind.Alternate || (node.Child.Kind == RegexNodeKind.Literal && node.Child.Text.Length > 1))
        {
            child = "(?:" + child + ")";
        }

        var quantifier = (node.Min, node.Max) switch
        {
            (0, -1) => "*",
            (1, -1) => "+",
            (0, 1) => "?",
            (var n, -1) => $"{{{n},}}",
            var (n, m) when n == m => $"{{{n}}}",
            var (n, m) => $"{{{n},{m}}}",
        };
        return child + quantifier + (node.Greedy ? "" : "?") + (node.Possessive ? "+" : "");
    }

    private enum PieceKind
    {
        Atom,
        Open,
        Close,
    }

    private sealed record Piece(PieceKind Kind, RegexNode Node, IReadOnlyList<string> Context);
}
