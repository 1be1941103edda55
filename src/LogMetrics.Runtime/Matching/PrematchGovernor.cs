using System.Diagnostics;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// Decides whether a program's batches are handed to the prematcher. A hand-off is not free: the helper's matches and
/// the lines' states cross between cores, which on the 2-core benchmark machine cost about as much as a 0.3 µs match
/// (the high-cardinality program ran slower with the helper than without), while a 1 µs match (grok's
/// COMBINEDAPACHELOG) still gains a fifth of the wall time. Which side wins depends on the pattern, the program and
/// what else runs on the cores, so the governor measures it: every <see cref="Cycle"/> batches it asks for a window
/// of batches with the helper and a window without, and keeps the mode whose batches took the program's thread less
/// time per line until the next measurement.
/// </summary>
internal sealed class PrematchGovernor
{
    /// <summary>Batches asked for in each mode while measuring.</summary>
    internal const int Window = 16;

    /// <summary>Batches run in the chosen mode before measuring again.</summary>
    internal const int Hold = 256;

    internal const int Cycle = (2 * Window) + Hold;

    // Starts in the hold stretch, with the helper: the first batches run cold code (JIT, the helper compiling its own
    // copy of the regex), which would bias a first measurement.
    private int _position = 2 * Window;
    private long _ticksWith;
    private long _linesWith;
    private long _ticksWithout;
    private long _linesWithout;
    private bool _chosen = true;
    private volatile bool _wantHelper = true;

    /// <summary>Whether batches queued now should go to the helper; read by the thread that queues batches.</summary>
    public bool WantHelper => _wantHelper;

    /// <summary>The mode kept after the last measurement (true before the first).</summary>
    public bool Chosen => _chosen;

    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Records the time the program's thread spent on a batch, which did or did not have the helper (a batch
    /// queued before the mode changed keeps the mode it was queued with). Only the program's thread calls this.</summary>
    public void Record(bool withHelper, long ticks, int lines)
    {
        if (_position < 2 * Window)
        {
            if (withHelper)
            {
                _ticksWith += ticks;
                _linesWith += lines;
            }
            else
            {
                _ticksWithout += ticks;
                _linesWithout += lines;
            }
        }

        _position = (_position + 1) % Cycle;
        if (_position == 2 * Window)
        {
            if (_linesWith > 0 && _linesWithout > 0)
            {
                // Per line, cross-multiplied: the helper stays unless batches without it were cheaper.
                _chosen = (double)_ticksWith * _linesWithout <= (double)_ticksWithout * _linesWith;
            }

            _ticksWith = _linesWith = _ticksWithout = _linesWithout = 0;
        }

        _wantHelper = _position switch
        {
            < Window => true,
            < 2 * Window => false,
            _ => _chosen,
        };
    }
}
