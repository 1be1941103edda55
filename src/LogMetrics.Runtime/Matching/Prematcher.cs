using System.Buffers;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LogMetrics.Lines;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// Matches a batch's lines against the pattern of the program's first statement on a second core, from the time the
/// batch is queued for the program, so the helper works ahead while the program's thread runs earlier batches.
/// Matching is pure, so which thread matched a line changes nothing: the program's thread takes lines from the front
/// (matching itself each line the helper has not done) and the helper from the back, until they meet; the program's
/// thread uses a helper's result only in its own order. A match the helper could not finish (a timeout) is redone in
/// order. The helper hands over no <see cref="Match"/>: it copies each line's group positions into one flat array per
/// batch, which the program's thread reads in order (a Match's capture arrays, written on the other core, cost the
/// program's thread a cache miss each), and reuses its own match for the next line.
/// </summary>
internal sealed class Prematcher
{
    /// <summary>Smaller batches (a daemon's trickle) are not worth a hand-off.</summary>
    internal const int MinLines = 32;

    private const int Free = 0;
    private const int HelperBusy = 1;
    private const int HelperMatched = 2;
    private const int Taken = 3;
    private const int HelperGaveUp = 4;
    private const int HelperNoMatch = 5;

    // The helper's own instance: a Regex caches one runner, and two threads sharing it build a new runner (and its
    // stacks) for every contended match. A twin of the program's regex: its own runner over the same compiled code.
    private readonly TimedRegex _regex;
    private readonly SimpleMatcher? _simple;
    private readonly LiteralPrefilter? _prefilter;

    // Batches waiting for the helper, in the order they were started; one helper drains them at a time, so a
    // program never has more than one helper thread however far ahead the reader is.
    private readonly ConcurrentQueue<Work> _pending = new();
    private int _helperRunning;

    /// <param name="regex">The program's regex for the slot; the helper matches with a twin of it.</param>
    /// <param name="simple">The matcher that stands in for <paramref name="regex"/> (thread-safe), or null.</param>
    /// <param name="groups">The number of .NET groups of <paramref name="regex"/>, group 0 included.</param>
    public Prematcher(int slot, TimedRegex regex, SimpleMatcher? simple, int groups, string? literal)
    {
        Slot = slot;
        Groups = groups;
        _simple = simple;
        _regex = regex.Twin();
        _prefilter = literal is null ? null : new LiteralPrefilter(literal);
    }

    /// <summary>The pattern slot whose matches this prematcher provides.</summary>
    public int Slot { get; }

    /// <summary>The number of .NET groups whose positions are kept per line, group 0 included.</summary>
    public int Groups { get; }

    /// <summary>Starts matching a batch on the helper; the returned work belongs to this batch only.</summary>
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

    /// <summary>What the program's thread learns of a line.</summary>
    internal enum Outcome
    {
        /// <summary>The helper did not do this line (or gave up on it): match it in order.</summary>
        NotDone,
        NoMatch,
        Matched,
    }

    /// <summary>One batch's results. Arrays are never reused, so a helper that finishes late touches nothing live.</summary>
    internal sealed class Work(Prematcher owner, LineBatch batch)
    {
        private readonly int[] _states = new int[batch.Count];
        private readonly ManualResetEventSlim _helperDone = new();

        /// <summary>Per line, per group: start and length in the batch text (start -1: the group did not take part).
        /// Rented (a batch of short lines with many groups would otherwise be a large-object allocation each time) and
        /// given back by <see cref="ReturnSpans"/> once the program's thread has run the batch: the helper writes a
        /// line's positions only after claiming it, and the program's thread waits for every claimed line.</summary>
        public int[] Spans { get; private set; } = ArrayPool<int>.Shared.Rent(batch.Count * owner.Groups * 2);

        public void ReturnSpans()
        {
            ArrayPool<int>.Shared.Return(Spans);
            Spans = [];
        }

        public int Slot => owner.Slot;

        public int Groups => owner.Groups;

        /// <summary>The helper's result for a line; for <see cref="Outcome.Matched"/>, where its groups start in <see cref="Spans"/>.</summary>
        public Outcome TryTake(int line, out int spanBase)
        {
            spanBase = line * owner.Groups * 2;
            var state = Interlocked.CompareExchange(ref _states[line], Taken, Free);
            if (state == Free || state == Taken)
            {
                return Outcome.NotDone;
            }

            var spin = default(SpinWait);
            while (state == HelperBusy)
            {
                spin.SpinOnce();
                state = Volatile.Read(ref _states[line]);
            }

            return state switch
            {
                HelperMatched => Outcome.Matched,
                HelperNoMatch => Outcome.NoMatch,
                _ => Outcome.NotDone,
            };
        }

        /// <summary>Tests only (<see cref="EngineOptions.PrematchEveryLine"/>): blocks until the helper has stopped.</summary>
        internal void WaitForHelper() => _helperDone.Wait();

        internal void RunHelper()
        {
            try
            {
                MatchLines();
            }
            finally
            {
                _helperDone.Set();
            }
        }

        private void MatchLines()
        {
            var text = batch.Text;
            var regex = owner._regex;
            var groups = owner.Groups;
            var spans = Spans;
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
                    var state = HelperNoMatch;
                    var simple = owner._prefilter is not null && owner._prefilter.Rejects(text.AsSpan(start, length))
                        ? SimpleMatchResult.NoMatch
                        : owner._simple?.Match(text, start, length, spans.AsSpan(i * groups * 2, groups * 2)) ?? SimpleMatchResult.GaveUp;
                    if (simple == SimpleMatchResult.Matched)
                    {
                        state = HelperMatched;
                    }
                    else if (simple == SimpleMatchResult.GaveUp)
                    {
                        var m = regex.Match(text, start, length);
                        if (m.Success)
                        {
                            var at = i * groups * 2;
                            for (var g = 0; g < groups; g++, at += 2)
                            {
                                if (GroupReader.TryGetRange(m, g, out spans[at], out spans[at + 1]))
                                {
                                    continue;
                                }

                                spans[at] = -1;
                            }

                            regex.Return(m);
                            state = HelperMatched;
                        }
                    }

                    Volatile.Write(ref _states[i], state);
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
