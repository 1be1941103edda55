using System.Text.RegularExpressions;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Execution;

/// <summary>The registers of one program while it runs one line: reused line after line by that program's thread.</summary>
internal sealed class LineContext
{
    public LineContext(int patternCount, StructuredFields[]? fields = null)
    {
        Matches = new Match?[patternCount];
        _owners = new TimedRegex?[patternCount];
        Spans = new int[]?[patternCount];
        SpanBases = new int[patternCount];
        SpanGroups = new int[patternCount];
        _scratch = new int[]?[patternCount];
        Fields = fields ?? [];
    }

    /// <summary>Each structured pattern's fields on this line, by its slot.</summary>
    public readonly StructuredFields[] Fields;

    /// <summary>Whether a json or logfmt pattern failed to decode its text on this line (counted per program).</summary>
    public bool Undecoded;

    public string Text = "";
    public int Start;
    public int Length;
    public string Source = "";
    public long ReadTimeMs;

    /// <summary>The line's index in its batch, and the batch's prematched first pattern (null when not prematched).</summary>
    public int LineIndex;
    public Prematcher.Work? Prematch;

    /// <summary>The time register (Unix ms) set by strptime/settime; unset at the start of each line.</summary>
    public long TimeMs;
    public bool HasTime;

    /// <summary>mtail's `matched` flag, which `otherwise` reads.</summary>
    public bool Matched;

    /// <summary>Whether any pattern matched on this line (status only).</summary>
    public bool LineMatched;

    /// <summary>The runtime error of this line, if any: the rest of the program is skipped.</summary>
    public string? Error;

    /// <summary>Each pattern's match on this line, by slot; set with <see cref="SetMatch"/>.</summary>
    public readonly Match?[] Matches;

    /// <summary>Who gets each slot's match back when the line is done (null: a shared match, never given back).</summary>
    private readonly TimedRegex?[] _owners;
    /// <summary>Label buffers, one per nesting level: a key may itself read a metric (`c[u[$1]]`), whose
    /// lookup needs its own buffer while the outer one is half built.</summary>
    private LabelValuesBuilder[] _labels = [new(), new()];
    private int _labelDepth;

    /// <summary>Takes a cleared label buffer for one lookup; give it back with <see cref="ReturnLabels"/>.</summary>
    public LabelValuesBuilder RentLabels()
    {
        if (_labelDepth == _labels.Length)
        {
            Array.Resize(ref _labels, _labels.Length * 2);
        }

        var labels = _labels[_labelDepth] ??= new LabelValuesBuilder();
        _labelDepth++;
        labels.Clear();
        return labels;
    }

    public void ReturnLabels() => _labelDepth--;

    public ReadOnlySpan<char> Line => Text.AsSpan(Start, Length);

    public long StampMs => HasTime ? TimeMs : ReadTimeMs;

    public void Fail(string message) => Error ??= message;

    /// <summary>Each pattern's match on this line held as group positions instead of a <see cref="Match"/> (from the
    /// prematcher or the <see cref="SimpleMatcher"/>), by slot; null: none. <see cref="Spans"/>[slot][<see cref="SpanBases"/>[slot]
    /// + 2g] is group g's start in <see cref="Text"/> (-1: it did not take part), the next its length; <see cref="SpanGroups"/>[slot] groups.</summary>
    public readonly int[]?[] Spans;
    public readonly int[] SpanBases;
    public readonly int[] SpanGroups;

    /// <summary>Per slot, positions this thread's simple matcher writes into, reused line after line.</summary>
    private readonly int[]?[] _scratch;

    public void SetSpans(int slot, int[] spans, int spanBase, int groups)
    {
        Spans[slot] = spans;
        SpanBases[slot] = spanBase;
        SpanGroups[slot] = groups;
    }

    /// <summary>The slot's own positions array, of at least <paramref name="size"/> values.</summary>
    public int[] Scratch(int slot, int size) => _scratch[slot] is { } scratch && scratch.Length >= size ? scratch : _scratch[slot] = new int[size];

    public void SetMatch(int slot, Match match, TimedRegex? owner)
    {
        Matches[slot] = match;
        _owners[slot] = owner;
    }

    /// <summary>Gives every match of the line back to its owner for reuse; nothing reads them after this.</summary>
    public void ReleaseMatches()
    {
        var matches = Matches;
        for (var slot = 0; slot < matches.Length; slot++)
        {
            Spans[slot] = null;
            if (matches[slot] is { } match)
            {
                _owners[slot]?.Return(match);
                matches[slot] = null;
                _owners[slot] = null;
            }
        }
    }

    public void BeginLine(int start, int length)
    {
        Start = start;
        Length = length;
        HasTime = false;
        Matched = false;
        LineMatched = false;
        Error = null;
        _labelDepth = 0;
        Undecoded = false;
        foreach (var fields in Fields)
        {
            fields.Decoded = false;
        }

        ReleaseMatches();
    }
}
