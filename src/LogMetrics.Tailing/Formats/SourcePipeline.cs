using LogMetrics.Lines;
using LogMetrics.Tailing.Lines;
using LogMetrics.Tailing.Records;

namespace LogMetrics.Tailing.Formats;

/// <summary>
/// The chain one source's lines go through after splitting: format decoder (joining container partial lines), then
/// record framing (multiline), then counting, then the user's sink. Knows where held lines begin, so a saved
/// offset never splits a record.
/// </summary>
internal sealed class SourcePipeline
{
    private readonly IHoldingStage[] _holding;

    private SourcePipeline(ILineSink head, IHoldingStage[] holding)
    {
        Head = head;
        _holding = holding;
    }

    /// <summary>Where the splitter hands its lines.</summary>
    public ILineSink Head { get; }

    /// <summary>Whether a stage may hold lines back, so the splitter must give lines their offsets.</summary>
    public bool HoldsLines => _holding.Length > 0;

    /// <summary>Where the oldest line a stage still holds began; null when none is held.</summary>
    public long? HeldFrom
    {
        get
        {
            long? from = null;
            foreach (var stage in _holding)
            {
                if (stage.HeldFrom is { } at && (from is null || at < from))
                {
                    from = at;
                }
            }

            return from;
        }
    }

    public static SourcePipeline Build(string source, TailOptions options, ILineSink sink, SourceCounters counters, Serilog.ILogger log)
    {
        ILineSink head = new CountingSink(sink, lines => counters.AddLines(lines));
        var holding = new List<IHoldingStage>();
        if (options.Multiline.FirstOrDefault(r => r.AppliesTo(source)) is { } rule)
        {
            var framer = new RecordFramer(rule, head, counters, log);
            holding.Add(framer);
            head = framer;
        }

        JoiningLineDecoder? decoder = options.Format switch
        {
            LogFormat.Docker => new DockerLineDecoder(head, counters, options.MaxLineBytes),
            LogFormat.Cri => new CriLineDecoder(head, counters, options.MaxLineBytes),
            _ => null,
        };
        if (decoder is not null)
        {
            // First in the chain: partial lines are joined before records are framed.
            holding.Insert(0, decoder);
            head = decoder;
        }

        return new SourcePipeline(head, [.. holding]);
    }

    /// <summary>Hands on everything held, upstream stages first so their lines reach the framer before it flushes.</summary>
    public void Flush()
    {
        foreach (var stage in _holding)
        {
            stage.Flush();
        }
    }

    /// <summary>Hands on records held past their flush timeout.</summary>
    public void FlushIdle()
    {
        var now = Environment.TickCount64;
        foreach (var stage in _holding)
        {
            stage.FlushIdle(now);
        }
    }
}
