namespace LogMetrics.Runtime.Matching;

/// <summary>
/// Matches a <see cref="SimplePattern"/> the way .NET's backtracking engine matches the same pattern text: from each start
/// position in turn (only the first when the pattern is anchored), the first path in priority order wins (greedy repeats
/// try the longest run first, lazy ones the shortest, branches and optional groups in written order), and a group that a
/// failed path captured is uncaptured. It works on the line in place, with no <see cref="System.Text.RegularExpressions.Match"/>
/// and no interpreter: under NativeAOT the regex is interpreted and this is several times faster. A search that takes more
/// steps than a budget proportional to the line gives up, and the caller runs the regex, so a pathological pattern costs
/// no more than the regex would. Thread-safe: all state is on the caller's stack.
/// </summary>
internal sealed class SimpleMatcher
{
    /// <summary>Deeper recursion (a loop of many iterations) gives up: the regex takes over rather than the stack running out.</summary>
    internal const int MaxDepth = 2000;

    private const int BaseBudget = 8192;
    private const int BudgetPerChar = 32;

    private readonly SimpleNode _root;
    private readonly bool _anchored;
    private readonly int _loops;

    internal SimpleMatcher(SimpleNode root, int groups, int loops, bool anchored)
    {
        _root = root;
        Groups = groups;
        _loops = loops;
        _anchored = anchored;
    }

    /// <summary>The number of .NET groups, group 0 (the whole match) included.</summary>
    public int Groups { get; }

    /// <summary>Searches <paramref name="text"/>[start..start+length] as <c>Regex.Match(text, start, length)</c> does.
    /// On a match, <paramref name="spans"/>[2g] is group g's start in <paramref name="text"/> (-1: it did not take part)
    /// and [2g+1] its length; <paramref name="spans"/> holds at least 2 * <see cref="Groups"/> values.</summary>
    public SimpleMatchResult Match(string text, int start, int length, Span<int> spans)
    {
        var groups = Groups;
        Span<int> opens = groups <= 64 ? stackalloc int[groups] : new int[groups];
        Span<int> counts = _loops <= 16 ? stackalloc int[_loops] : new int[_loops];
        spans = spans[..(2 * groups)];
        spans.Fill(-1);
        var end = start + length;
        var budget = (int)Math.Min(int.MaxValue, BaseBudget + ((long)BudgetPerChar * length));
        var state = new State(text, end, spans, opens, counts, budget) { Begin = start };
        var last = _anchored ? start : end;
        var first = _root.FirstChar;
        for (var at = start; at <= last; at++)
        {
            if (first >= 0)
            {
                // An unanchored literal start: jump to where it occurs.
                var found = text.AsSpan(at, end - at).IndexOf((char)first);
                if (found < 0)
                {
                    return SimpleMatchResult.NoMatch;
                }

                at += found;
            }

            state.MatchStart = at;
            if (Run(_root, at, ref state))
            {
                return SimpleMatchResult.Matched;
            }

            if (state.Steps < 0)
            {
                spans.Fill(-1);
                return SimpleMatchResult.GaveUp;
            }
        }

        return SimpleMatchResult.NoMatch;
    }

    private static bool Run(SimpleNode node, int pos, ref State st)
    {
        if (st.Depth == MaxDepth)
        {
            st.Steps = -1;
            return false;
        }

        st.Depth++;
        var matched = Walk(node, pos, ref st);
        st.Depth--;
        return matched;
    }

    private static bool Walk(SimpleNode node, int pos, ref State st)
    {
        var text = st.Text;
        var end = st.End;
        while (true)
        {
            if (--st.Steps < 0)
            {
                return false;
            }

            switch (node.Kind)
            {
                case SimpleNodeKind.Literal:
                    {
                        var literal = node.Text;
                        if (literal.Length == 1)
                        {
                            if (pos >= end || text[pos] != literal[0])
                            {
                                return false;
                            }
                        }
                        else if (!text.AsSpan(pos, end - pos).StartsWith(literal, StringComparison.Ordinal))
                        {
                            return false;
                        }

                        pos += literal.Length;
                        node = node.Next;
                        continue;
                    }

                case SimpleNodeKind.Repeat:
                    {
                        var set = node.Set;
                        var min = node.Min;
                        var max = node.Max;
                        if (max == 1 && min == 1)
                        {
                            if (pos < end && set.Contains(text[pos]))
                            {
                                pos++;
                                node = node.Next;
                                continue;
                            }

                            return false;
                        }

                        var limit = max < 0 || max > end - pos ? end : pos + max;
                        var run = pos + set.Run(text.AsSpan(pos, limit - pos));
                        st.Steps -= (run - pos) >> 3;
                        if (run - pos < min)
                        {
                            return false;
                        }

                        if (min == max)
                        {
                            pos = run;
                            node = node.Next;
                            continue;
                        }

                        return Rest(node, pos + min, run, ref st);
                    }

                case SimpleNodeKind.Anchor:
                    var holds = node.Anchor switch
                    {
                        AnchorKind.Beginning => pos == st.Begin,
                        AnchorKind.End => pos == end,
                        AnchorKind.EndOrFinalNewline => pos == end || (pos == end - 1 && text[pos] == '\n'),
                        _ => WordChars.IsBoundary(text, pos, st.Begin, end),
                    };
                    if (!holds)
                    {
                        return false;
                    }

                    node = node.Next;
                    continue;
                case SimpleNodeKind.Look:
                    {
                        var sets = node.Sets;
                        var from = node.Behind ? pos - sets.Length : pos;
                        var found = from >= st.Begin && from + sets.Length <= end;
                        for (var i = 0; found && i < sets.Length; i++)
                        {
                            found = sets[i].Contains(text[from + i]);
                        }

                        if (found == node.Negated)
                        {
                            return false;
                        }

                        node = node.Next;
                        continue;
                    }

                case SimpleNodeKind.Open:
                    {
                        var old = st.Opens[node.Group];
                        st.Opens[node.Group] = pos;
                        if (!node.InRepeat)
                        {
                            node = node.Next;
                            continue;
                        }

                        if (Run(node.Next, pos, ref st))
                        {
                            return true;
                        }

                        st.Opens[node.Group] = old;
                        return false;
                    }

                case SimpleNodeKind.Close:
                    {
                        var at = 2 * node.Group;
                        var oldStart = st.Spans[at];
                        var oldLength = st.Spans[at + 1];
                        st.Spans[at] = st.Opens[node.Group];
                        st.Spans[at + 1] = pos - st.Opens[node.Group];
                        if (Run(node.Next, pos, ref st))
                        {
                            return true;
                        }

                        st.Spans[at] = oldStart;
                        st.Spans[at + 1] = oldLength;
                        return false;
                    }

                case SimpleNodeKind.Alternate:
                    foreach (var branch in node.Branches)
                    {
                        if (Run(branch, pos, ref st))
                        {
                            return true;
                        }

                        if (st.Steps < 0)
                        {
                            return false;
                        }
                    }

                    return false;
                case SimpleNodeKind.Optional:
                    if (node.Greedy)
                    {
                        if (Run(node.Body, pos, ref st))
                        {
                            return true;
                        }
                    }
                    else if (Run(node.Next, pos, ref st))
                    {
                        return true;
                    }

                    if (st.Steps < 0)
                    {
                        return false;
                    }

                    node = node.Greedy ? node.Next : node.Body;
                    continue;
                case SimpleNodeKind.LoopEnter:
                case SimpleNodeKind.LoopBack:
                    {
                        // Every change to a count is undone when the path through it fails.
                        ref var count = ref st.Counts[node.Loop];
                        var old = count;
                        count = node.Kind == SimpleNodeKind.LoopEnter ? 0 : old + 1;
                        if (Run(node.Next, pos, ref st))
                        {
                            return true;
                        }

                        st.Counts[node.Loop] = old;
                        return false;
                    }

                case SimpleNodeKind.LoopTest:
                    {
                        var count = st.Counts[node.Loop];
                        if (count < node.Min)
                        {
                            node = node.Body;
                            continue;
                        }

                        if (node.Max >= 0 && count >= node.Max)
                        {
                            node = node.Next;
                            continue;
                        }

                        if (Run(node.Greedy ? node.Body : node.Next, pos, ref st))
                        {
                            return true;
                        }

                        if (st.Steps < 0)
                        {
                            return false;
                        }

                        node = node.Greedy ? node.Next : node.Body;
                        continue;
                    }

                default:
                    st.Spans[0] = st.MatchStart;
                    st.Spans[1] = pos - st.MatchStart;
                    return true;
            }
        }
    }

    /// <summary>A repeat of one character that matched from <paramref name="shortest"/> up to <paramref name="run"/>:
    /// the rest of the pattern is tried after each length, the longest first when greedy, the shortest first when lazy.</summary>
    private static bool Rest(SimpleNode node, int shortest, int run, ref State st)
    {
        if (run < shortest)
        {
            return false;
        }

        var next = node.Next;
        var need = next.FirstChar;
        var text = st.Text;
        var end = st.End;
        var (at, last, step) = node.Greedy ? (run, shortest, -1) : (shortest, run, 1);
        for (; ; at += step)
        {
            if (need >= 0 && (at >= end || text[at] != need))
            {
                st.Steps--;
            }
            else if (Run(next, at, ref st))
            {
                return true;
            }
            else if (st.Steps < 0)
            {
                return false;
            }

            if (at == last)
            {
                return false;
            }
        }
    }

    /// <summary>One search's registers, on the caller's stack.</summary>
    private ref struct State(string text, int end, Span<int> spans, Span<int> opens, Span<int> counts, int steps)
    {
        public readonly Span<int> Counts = counts;
        public int Depth;
        public readonly string Text = text;
        public readonly int End = end;
        public readonly Span<int> Spans = spans;
        public readonly Span<int> Opens = opens;
        public int Steps = steps;
        public int Begin;
        public int MatchStart;
    }
}
