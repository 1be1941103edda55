using System.Text.RegularExpressions;
using LogMetrics.Tailing;

namespace LogMetrics.Runtime;

/// <summary>
/// Matches a batch's lines against the pattern of the program's first statement on a second core while the program's
/// thread runs the batch. Matching is pure, so which thread matched a line changes nothing: the program's thread takes
/// lines from the front (matching each itself) and the helper from the back, until they meet; the program's thread
/// uses a helper's result only in its own order. A match the helper could not finish (a timeout) is redone in order.
/// </summary>
internal sealed class Prematcher
{
    /// <summary>Smaller batches (a daemon's trickle) are not worth a hand-off.</summary>
    internal const int MinLines = 32;

    private const int Free = 0;
    private const int HelperBusy = 1;
    private const int HelperDone = 2;
    private const int Taken = 3;
    private const int HelperGaveUp = 4;

    // The helper's own instance: a Regex caches one runner, and two threads sharing it build a new runner (and its
    // stacks) for every contended match. Compiled on the helper's first batch, off the program's thread.
    private readonly Lazy<TimedRegex> _regex;
    private readonly string? _literal;

    public Prematcher(int slot, string pattern, RegexOptions options, TimeSpan timeout, string? literal)
    {
        Slot = slot;
        _regex = new Lazy<TimedRegex>(() => new TimedRegex(pattern, options, timeout), LazyThreadSafetyMode.ExecutionAndPublication);
        _literal = literal;
    }

    /// <summary>The pattern slot whose matches this prematcher provides.</summary>
    public int Slot { get; }

    /// <summary>Starts the helper on a batch; the returned work belongs to this batch only.</summary>
    public Work Start(LineBatch batch)
    {
        var work = new Work(this, batch);
        ThreadPool.UnsafeQueueUserWorkItem(static w => w.RunHelper(), work, preferLocal: false);
        return work;
    }

    /// <summary>One batch's results. Arrays are never reused, so a helper that finishes late touches nothing live.</summary>
    internal sealed class Work(Prematcher owner, LineBatch batch)
    {
        private readonly Match?[] _results = new Match?[batch.Count];
        private readonly int[] _states = new int[batch.Count];

        public int Slot => owner.Slot;

        /// <summary>The helper's result for a line (null: no match), or false when the caller must match the line itself.</summary>
        public bool TryTake(int line, out Match? match)
        {
            match = null;
            var state = Interlocked.CompareExchange(ref _states[line], Taken, Free);
            if (state == Free || state == Taken)
            {
                return false;
            }

            var spin = default(SpinWait);
            while (state == HelperBusy)
            {
                spin.SpinOnce();
                state = Volatile.Read(ref _states[line]);
            }

            if (state != HelperDone)
            {
                return false;
            }

            match = _results[line];
            return true;
        }

        internal void RunHelper()
        {
            var text = batch.Text;
            var regex = owner._regex.Value;
            for (var i = batch.Count - 1; i >= 0; i--)
            {
                if (Interlocked.CompareExchange(ref _states[i], HelperBusy, Free) != Free)
                {
                    // The program's thread got here first; every line before this one is its own.
                    return;
                }

                var start = batch.Starts[i];
                var length = batch.Lengths[i];
                try
                {
                    Match? result = null;
                    if (owner._literal is null || text.AsSpan(start, length).IndexOf(owner._literal, StringComparison.Ordinal) >= 0)
                    {
                        var m = regex.Match(text, start, length);
                        result = m.Success ? m : null;
                    }

                    _results[i] = result;
                    Volatile.Write(ref _states[i], HelperDone);
                }
                catch (Exception)
                {
                    // A timeout (or anything else) is reported when the program's thread redoes the match in order.
                    Volatile.Write(ref _states[i], HelperGaveUp);
                }
            }
        }
    }
}
