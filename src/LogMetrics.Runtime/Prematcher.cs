using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LogMetrics.Tailing;

namespace LogMetrics.Runtime;

/// <summary>
/// Matches a batch's lines against the pattern of the program's first statement on a second core, from the time the
/// batch is queued for the program, so the helper works ahead while the program's thread runs earlier batches.
/// Matching is pure, so which thread matched a line changes nothing: the program's thread takes lines from the front
/// (matching itself each line the helper has not done) and the helper from the back, until they meet; the program's
/// thread uses a helper's result only in its own order. A match the helper could not finish (a timeout) is redone in
/// order.
/// </summary>
internal sealed class Prematcher : IMatchOwner
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
    private readonly LiteralPrefilter? _prefilter;

    // Matches the program's thread has finished with, for the helper to reuse (see MatchRecycler): the helper's
    // regex runs on the helper's thread, so the matches go back through this queue rather than straight to it. The
    // helper can be a few batches ahead, so the queue holds as many matches as there are lines in flight (with 64,
    // the engine micro benchmark still allocated 148 B a line).
    private const int MaxSpares = 4096;
    private readonly ConcurrentQueue<Match> _spares = new();
    private int _spareCount;

    public Prematcher(int slot, string pattern, RegexOptions options, TimeSpan timeout, string? literal)
    {
        Slot = slot;
        _regex = new Lazy<TimedRegex>(() => new TimedRegex(pattern, options, timeout), LazyThreadSafetyMode.ExecutionAndPublication);
        _prefilter = literal is null ? null : new LiteralPrefilter(literal);
    }

    /// <summary>The pattern slot whose matches this prematcher provides.</summary>
    public int Slot { get; }

    /// <summary>Called by the program's thread with a prematched match once its line is done.</summary>
    public void Return(Match match)
    {
        if (MatchRecycler.Enabled && Volatile.Read(ref _spareCount) < MaxSpares)
        {
            Interlocked.Increment(ref _spareCount);
            _spares.Enqueue(match);
        }
    }

    private void ReuseSpare(TimedRegex regex)
    {
        if (_spares.TryDequeue(out var spare))
        {
            Interlocked.Decrement(ref _spareCount);
            regex.Return(spare);
        }
    }

    // Batches waiting for the helper, in the order they were started; one helper drains them at a time, so a
    // program never has more than one helper thread however far ahead the reader is.
    private readonly ConcurrentQueue<Work> _pending = new();
    private int _helperRunning;

    /// <summary>Starts matching a batch on the helper; the returned work belongs to this batch only. Called when the
    /// batch is queued for the program, so the helper can work ahead while the program's thread runs earlier batches.</summary>
    public Work Start(LineBatch batch)
    {
        var work = new Work(this, batch);
        _pending.Enqueue(work);
        if (Interlocked.CompareExchange(ref _helperRunning, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static p => p.RunHelper(), this, preferLocal: false);
        }

        return work;
    }

    private void RunHelper()
    {
        while (true)
        {
            while (_pending.TryDequeue(out var work))
            {
                work.RunHelper();
            }

            Volatile.Write(ref _helperRunning, 0);
            // A batch started after the queue looked empty but before the flag was cleared would wait for the next one.
            if (_pending.IsEmpty || Interlocked.CompareExchange(ref _helperRunning, 1, 0) != 0)
            {
                return;
            }
        }
    }

    /// <summary>One batch's results. Arrays are never reused, so a helper that finishes late touches nothing live.</summary>
    internal sealed class Work(Prematcher owner, LineBatch batch)
    {
        private readonly Match?[] _results = new Match?[batch.Count];
        private readonly int[] _states = new int[batch.Count];

        public int Slot => owner.Slot;

        /// <summary>Where the program's thread gives this batch's matches back.</summary>
        public IMatchOwner Owner => owner;

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
                    if (owner._prefilter is null || !owner._prefilter.Rejects(text.AsSpan(start, length)))
                    {
                        owner.ReuseSpare(regex);
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
