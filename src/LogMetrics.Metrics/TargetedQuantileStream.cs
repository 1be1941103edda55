namespace LogMetrics.Metrics;

/// <summary>
/// Biased (targeted) quantile estimation of Cormode, Korn, Muthukrishnan and Srivastava ("Effective Computation of
/// Biased Quantiles over Data Streams", ICDE 2005), as client_golang's summaries use it (beorn7/perks), with the
/// invariant corrected so that the declared error holds.
/// </summary>
/// <remarks>
/// <para>Error bound: for each target (q, e), <see cref="Query"/> returns an observed value whose rank among the n
/// values inserted lies within [q·n − e·n, q·n + e·n]. Until the first 500 values are buffered the answer is exact:
/// the value of rank ceil(q·n), as perks does for small streams. Memory grows with log(e·n)/e, not with n. Not
/// thread-safe: <see cref="SummaryState"/> locks around it.</para>
/// <para>Why perks misses the bound (its median of 200,000 uniform values at e = 0.05 came out 0.054·n off): a query
/// answers v(i−1), where v(i) is the first sample whose highest possible rank passes q·n + e·n; the answer's lowest
/// possible rank is that bound minus the width g(i) + Δ(i) of v(i), which the invariant keeps below f(r). CKMS's
/// targeted f is 2e·(n − r)/(1 − q) below the target rank, more than 2e·n as soon as r &lt; q·n, so a sample that
/// starts just below the band [q·n − e·n, q·n] may be wide enough to put the answer up to 2e²·n/(1 − q) below it
/// (0.01·n for the median at e = 0.05). Here f is 2e·n over that whole band and 2e·(n − r)/(1 − q + e) below it (the
/// same slope started e·n earlier): then g(i) + Δ(i) ≤ e·n + (q·n − r), which is exactly what the answer needs, and f
/// still never shrinks for a sample as values are inserted before or after it (so old samples keep the invariant).
/// Above the target f is CKMS's 2e·r/q. A query uses its own target's e (perks uses f at q·n, the smallest over all
/// targets, which a close tighter target can shrink below e·n and so break the lower side). And, as in the paper, the
/// minimum stays a sample of its own (Δ = 0), so a query that stops at the first sample answers rank 1.</para>
/// </remarks>
internal sealed class TargetedQuantileStream
{
    private const int BufferCapacity = 500;

    private readonly double[] _quantiles;
    private readonly double[] _errors;
    private readonly double[] _buffer = new double[BufferCapacity];
    private int _buffered;
    private bool _bufferSorted = true;
    private List<Sample> _samples = [];
    private double _n;

    public TargetedQuantileStream(double[] quantiles, double[] errors)
    {
        _quantiles = quantiles;
        _errors = errors;
    }

    /// <summary>The number of values inserted since the last reset.</summary>
    public long Count => (long)_n + _buffered;

    /// <summary>The samples kept after the last flush (memory use).</summary>
    internal int SampleCount => _samples.Count;

    public void Insert(double value)
    {
        _buffer[_buffered++] = value;
        _bufferSorted = false;
        if (_buffered == BufferCapacity)
        {
            Flush();
        }
    }

    /// <summary>The q-quantile estimate; NaN when the stream is empty.</summary>
    public double Query(double q)
    {
        if (_samples.Count == 0)
        {
            if (_buffered == 0)
            {
                return double.NaN;
            }

            SortBuffer();
            var i = (int)Math.Ceiling(_buffered * q);
            return _buffer[Math.Clamp(i - 1, 0, _buffered - 1)];
        }

        Flush();
        var target = Array.IndexOf(_quantiles, q);
        var t = target >= 0 ? Math.Floor((q + _errors[target]) * _n) : Math.Ceiling(q * _n) + Math.Ceiling(Invariant(Math.Ceiling(q * _n)) / 2);
        var previous = _samples[0];
        var rank = 0d;
        for (var k = 1; k < _samples.Count; k++)
        {
            var current = _samples[k];
            rank += previous.Width;
            if (rank + current.Width + current.Delta > t)
            {
                return previous.Value;
            }

            previous = current;
        }

        return previous.Value;
    }

    public void Reset()
    {
        _buffered = 0;
        _bufferSorted = true;
        _samples = [];
        _n = 0;
    }

    private void SortBuffer()
    {
        if (!_bufferSorted)
        {
            Array.Sort(_buffer, 0, _buffered);
            _bufferSorted = true;
        }
    }

    private void Flush()
    {
        if (_buffered == 0)
        {
            return;
        }

        SortBuffer();
        Merge();
        _buffered = 0;
        Compress();
    }

    // Merges the sorted buffer into the sample list; a new sample's delta is the error the invariant allows at its rank.
    private void Merge()
    {
        var merged = new List<Sample>(_samples.Count + _buffered);
        var rank = 0d;
        var i = 0;
        for (var b = 0; b < _buffered; b++)
        {
            var value = _buffer[b];
            while (i < _samples.Count && !(_samples[i].Value > value))
            {
                rank += _samples[i].Width;
                merged.Add(_samples[i++]);
            }

            // A new minimum or maximum is exact (Δ = 0); between samples the rank is known within f(r) − 1.
            var delta = i < _samples.Count && i > 0 ? Math.Max(0, Math.Floor(Invariant(rank)) - 1) : 0;
            merged.Add(new Sample(value, 1, delta));
            _n += 1;
            rank += 1;
        }

        while (i < _samples.Count)
        {
            merged.Add(_samples[i++]);
        }

        _samples = merged;
    }

    // Folds a sample into its right neighbour while the pair's width stays within the invariant at the rank of the
    // sample before them (r(i) of the paper); the first sample, the minimum, is never folded.
    private void Compress()
    {
        if (_samples.Count < 3)
        {
            return;
        }

        var kept = new List<Sample>(_samples.Count);
        var x = _samples[^1];
        var rank = _n - x.Width;
        for (var i = _samples.Count - 2; i >= 1; i--)
        {
            var c = _samples[i];
            rank -= c.Width;
            if (c.Width + x.Width + x.Delta <= Invariant(rank))
            {
                x = x with { Width = x.Width + c.Width };
            }
            else
            {
                kept.Add(x);
                x = c;
            }
        }

        kept.Add(x);
        kept.Add(_samples[0]);
        kept.Reverse();
        _samples = kept;
    }

    // f(r, n): how uncertain the rank of a sample may be when the samples before it add up to rank r; the smallest
    // over the targets. Per target: 2e·(n − r)/(1 − q + e) below (q − e)·n, 2e·n up to q·n, 2e·r/q above.
    private double Invariant(double rank)
    {
        var min = double.MaxValue;
        for (var i = 0; i < _quantiles.Length; i++)
        {
            var q = _quantiles[i];
            var e = _errors[i];
            double f;
            if (rank >= q * _n)
            {
                f = q > 0 ? 2 * e * rank / q : double.MaxValue;
            }
            else if (rank >= (q - e) * _n)
            {
                f = 2 * e * _n;
            }
            else
            {
                f = 2 * e * (_n - rank) / Math.Max(1 - q + e, 2 * e);
            }

            if (f < min)
            {
                min = f;
            }
        }

        return min;
    }

    private readonly record struct Sample(double Value, double Width, double Delta);
}
